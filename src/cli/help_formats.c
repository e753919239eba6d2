/* SPDX-License-Identifier: GPL-3.0-or-later */
/* help_formats.c - the command table's help text as a man page and as bash completion.
 *
 * Both are generated at build time (`coopnet help --man`, `coopnet help --bash-completion`) from
 * the same text `--help` prints, so a new command or option shows up in them without editing
 * anything else. The options are read back from the help text's option lines:
 *   "  -o, --output FILE   ..."   "  --layer events|ties|all   ..."   "  --quiet   ..."
 * an argument made of words joined by '|' is a list of choices that completion offers. */
#include "cli.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* One option line of a help text: pointers into the text, not terminated. */
typedef struct option_line {
    const char *names[4]; /* "-o" and "--output", or "--layer", or "--width" and "--height" */
    size_t name_lengths[4];
    size_t n_names;
    const char *argument; /* "FILE", "events|ties|all" or NULL */
    size_t argument_length;
} option_line_t;

static size_t option_name_length(const char *text)
{
    if (text[0] != '-')
        return 0;
    if (text[1] != '-')
        return isalnum((unsigned char)text[1]) && !isalnum((unsigned char)text[2]) && text[2] != '-'
                   ? 2
                   : 0;
    size_t length = 2;
    if (!islower((unsigned char)text[length]))
        return 0;
    while (islower((unsigned char)text[length]) || isdigit((unsigned char)text[length]) ||
           text[length] == '-')
        length++;
    return length;
}

/* Parses the line at text (up to its newline) as an option line; false when it is not one. */
static bool parse_option_line(const char *text, option_line_t *line)
{
    memset(line, 0, sizeof *line);
    while (*text == ' ')
        text++;
    for (;;) {
        size_t length = option_name_length(text);
        if (length == 0 || line->n_names == 4)
            break;
        line->names[line->n_names] = text;
        line->name_lengths[line->n_names++] = length;
        text += length;
        if (text[0] == ',' && text[1] == ' ') {
            text += 2;
            continue;
        }
        if (text[0] == ' ' && text[1] != ' ' && text[1] != '\n' && text[1] != '\0' &&
            text[1] != '-') {
            line->argument = ++text;
            while (*text != ' ' && *text != '\n' && *text != '\0')
                text++;
            line->argument_length = (size_t)(text - line->argument);
            /* "--width W, --height H": two options on one line */
            if (line->argument_length > 1 && text[-1] == ',' && text[0] == ' ' && text[1] == '-') {
                line->argument_length--;
                text++;
                continue;
            }
        }
        break;
    }
    return line->n_names > 0;
}

/* The choices of an argument like "events|ties|all"; false for "FILE" or "L[,L...]". */
static bool argument_is_choice_list(const option_line_t *line)
{
    if (line->argument == NULL || memchr(line->argument, '|', line->argument_length) == NULL)
        return false;
    for (size_t i = 0; i < line->argument_length; i++) {
        char c = line->argument[i];
        if (!(islower((unsigned char)c) || isdigit((unsigned char)c) || c == '|' || c == '-'))
            return false;
    }
    return true;
}

/* Calls visit for each option line of a help text. */
static void for_each_option_line(const char *help, void (*visit)(const option_line_t *, void *),
                                 void *context)
{
    option_line_t line;
    for (const char *start = help; *start != '\0';) {
        if (parse_option_line(start, &line))
            visit(&line, context);
        const char *newline = strchr(start, '\n');
        if (newline == NULL)
            break;
        start = newline + 1;
    }
}

/* --- man page ----------------------------------------------------------------------------- */

/* Writes text for a roff no-fill block: backslashes escaped, hyphens as \- (so that options
 * copied from the page work), a control character at the start of a line neutralised. */
static void print_roff_text(const char *text)
{
    bool line_start = true;
    for (const char *c = text; *c != '\0'; c++) {
        if (line_start && (*c == '.' || *c == '\''))
            fputs("\\&", stdout);
        if (*c == '\\')
            fputs("\\e", stdout);
        else if (*c == '-')
            fputs("\\-", stdout);
        else
            putchar(*c);
        line_start = *c == '\n';
    }
    if (!line_start)
        putchar('\n');
}

static void print_roff_block(const char *text)
{
    puts(".nf");
    print_roff_text(text);
    puts(".fi");
}

/* Writes usage lines without their "usage:" prefix and indentation, one line each. */
static void print_roff_synopsis(const char *usage)
{
    puts(".nf");
    for (const char *line = usage; *line != '\0';) {
        const char *end = strchr(line, '\n');
        size_t length = end ? (size_t)(end - line) : strlen(line);
        if (strncmp(line, "usage:", 6) == 0) {
            line += 6;
            length -= 6;
        }
        while (length > 0 && *line == ' ') {
            line++;
            length--;
        }
        char text[512];
        snprintf(text, sizeof text, "%.*s\n", (int)length, line);
        print_roff_text(text);
        line = end ? end + 1 : line + length;
    }
    puts(".fi");
}

void cli_print_man_page(const cli_command_t *const *commands, size_t n_commands,
                        const cli_program_text_t *program)
{
    printf(".TH COOPNET 1 \"\" \"coopnet %s\" \"User Commands\"\n", coopnet_version());
    puts(".SH NAME\ncoopnet \\- analyse cooperation networks of cities, national bodies and "
         "partners");
    puts(".SH SYNOPSIS");
    print_roff_synopsis(program->usage);
    puts(".SH DESCRIPTION");
    print_roff_text(program->description);
    puts(".PP\nEach command has its own options; "
         "\\fBcoopnet\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR prints them, as does this page.");
    puts(".SH COMMANDS");
    for (size_t i = 0; i < n_commands; i++) {
        printf(".TP\n.B %s\n", commands[i]->name);
        print_roff_text(commands[i]->summary);
    }
    for (size_t i = 0; i < n_commands; i++) {
        printf(".SS \"coopnet %s\"\n", commands[i]->name);
        print_roff_text(commands[i]->summary);
        puts(".PP");
        print_roff_synopsis(commands[i]->usage);
        print_roff_block(commands[i]->help);
    }
    puts(".SH EXIT STATUS");
    print_roff_block(program->exit_codes);
    puts(".SH FILES\nA bundle is a directory of actors.csv, events.csv, participation.csv and "
         "optionally ties.csv; its format is described in docs/bundle\\-format.md of the source "
         "distribution.");
    puts(".SH SEE ALSO\n.BR pkg\\-config (1)\nfor linking C programs against libcoopnet "
         "(\\fBpkg\\-config \\-\\-cflags \\-\\-libs coopnet\\fR).");
}

/* --- bash completion ---------------------------------------------------------------------- */

/* The option names printed so far for one command, " --a --b ", to print each once. */
typedef struct printed_names {
    char text[4096];
    size_t length;
} printed_names_t;

static void print_option_names(const option_line_t *line, void *context)
{
    printed_names_t *printed = context;
    for (size_t i = 0; i < line->n_names; i++) {
        char name[64];
        int length =
            snprintf(name, sizeof name, " %.*s ", (int)line->name_lengths[i], line->names[i]);
        if (length < 0 || (size_t)length >= sizeof name || strstr(printed->text, name) != NULL ||
            printed->length + (size_t)length >= sizeof printed->text)
            continue;
        printf("%.*s", length - 1, name);
        memcpy(printed->text + printed->length, name + 1, (size_t)length); /* with the NUL */
        printed->length += (size_t)length - 1;
    }
}

static void print_choice_case(const option_line_t *line, void *context)
{
    if (!argument_is_choice_list(line))
        return;
    printf("        ");
    for (size_t i = 0; i < line->n_names; i++)
        printf("%s%.*s", i ? "|" : "", (int)line->name_lengths[i], line->names[i]);
    printf(") choices=\"");
    for (size_t i = 0; i < line->argument_length; i++)
        putchar(line->argument[i] == '|' ? ' ' : line->argument[i]);
    printf("\" ;;\n");
}

void cli_print_bash_completion(const cli_command_t *const *commands, size_t n_commands)
{
    printf("# bash completion for coopnet %s: commands, options and option values.\n"
           "# Generated by 'coopnet help --bash-completion' from the commands' help texts.\n"
           "_coopnet()\n{\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
           "    local commands=\"",
           coopnet_version());
    for (size_t i = 0; i < n_commands; i++)
        printf("%s%s", i ? " " : "", commands[i]->name);
    printf("\"\n    local options=\"--help\" choices=\"\"\n"
           "    COMPREPLY=()\n"
           "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
           "        COMPREPLY=($(compgen -W \"$commands help --help --version\" -- \"$cur\"))\n"
           "        return\n"
           "    fi\n"
           "    case ${COMP_WORDS[1]} in\n"
           "    help | --help | -h)\n"
           "        [ \"$COMP_CWORD\" -eq 2 ] && COMPREPLY=($(compgen -W \"$commands\" -- "
           "\"$cur\"))\n"
           "        return ;;\n");
    for (size_t i = 0; i < n_commands; i++) {
        printed_names_t printed = {" --help ", 8}; /* always offered */
        printf("    %s)\n        options=\"--help", commands[i]->name);
        for_each_option_line(commands[i]->help, print_option_names, &printed);
        printf("\"\n        case $prev in\n");
        for_each_option_line(commands[i]->help, print_choice_case, NULL);
        printf("        esac ;;\n");
    }
    printf("    *) return ;;\n"
           "    esac\n"
           "    if [ -n \"$choices\" ]; then\n"
           "        COMPREPLY=($(compgen -W \"$choices\" -- \"$cur\"))\n"
           "    elif [[ $cur == -* ]]; then\n"
           "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
           "    else\n"
           "        # bundles are directories, outputs files: complete both\n"
           "        compopt -o filenames 2>/dev/null\n"
           "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
           "    fi\n"
           "}\n"
           "complete -F _coopnet coopnet\n");
}

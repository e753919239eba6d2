/* SPDX-License-Identifier: GPL-3.0-or-later */
/* help_formats.c - the commands' help as a man page and as bash completion.
 *
 * Both are generated at build time (`coopnet help --man`, `coopnet help --bash-completion`) from
 * the option tables the commands parse their arguments with: each command is run with cli_describe
 * set, so that its cli_parse_options hands the table over instead of parsing. A new command or
 * option shows up in --help, the man page and the completion without editing anything else; an
 * argument made of words joined by '|' is a list of choices that completion offers. */
#include "cli.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs every command with cli_describe set to describe. */
static void describe_commands(const cli_command_t *const *commands, size_t n_commands,
                              void (*describe)(const cli_command_t *, const cli_option_t *, void *),
                              void *context)
{
    cli_describe = describe;
    cli_describe_context = context;
    for (size_t i = 0; i < n_commands; i++) {
        char *argv[] = {(char *)commands[i]->name, NULL};
        commands[i]->run(1, argv);
    }
    cli_describe = NULL;
    cli_describe_context = NULL;
}

/* "a|b|c" of lower-case words; false for "FILE" or "L[,L...]". */
static bool argument_is_choice_list(const char *argument)
{
    if (argument == NULL || strchr(argument, '|') == NULL)
        return false;
    for (const char *c = argument; *c != '\0'; c++)
        if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '|' || *c == '-'))
            return false;
    return true;
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

static void print_man_section(const cli_command_t *command, const cli_option_t *options,
                              void *context)
{
    (void)context;
    char *help = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&help, &size);
    if (stream == NULL)
        return;
    cli_write_help(stream, command, options);
    fclose(stream);
    printf(".SS \"coopnet %s\"\n", command->name);
    print_roff_text(command->summary);
    puts(".PP");
    print_roff_synopsis(command->usage);
    print_roff_block(help);
    free(help);
}

void cli_print_man_page(const cli_command_t *const *commands, size_t n_commands,
                        const cli_program_text_t *program)
{
    printf(".TH COOPNET 1 \"\" \"coopnet %s\" \"User Commands\"\n", coopnet_version());
    puts(".SH NAME\ncoopnet \\- analyse cooperation networks of cities, national bodies and "
         "international organisations");
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
    describe_commands(commands, n_commands, print_man_section, NULL);
    puts(".SH EXIT STATUS");
    print_roff_block(program->exit_codes);
    puts(".SH FILES\nA bundle is a directory of actors.csv, events.csv, participation.csv and "
         "optionally ties.csv; its format is described in docs/bundle\\-format.md of the source "
         "distribution.");
    puts(".SH SEE ALSO\n.BR pkg\\-config (1)\nfor linking C programs against libcoopnet "
         "(\\fBpkg\\-config \\-\\-cflags \\-\\-libs coopnet\\fR).");
}

/* --- bash completion ---------------------------------------------------------------------- */

static void print_option_names(const cli_option_t *option, void *context)
{
    (void)context;
    if (option->short_name != 0)
        printf(" -%c", option->short_name);
    printf(" --%s", option->name);
}

static void print_choice_case(const cli_option_t *option, void *context)
{
    (void)context;
    if (!argument_is_choice_list(option->argument))
        return;
    printf("        ");
    if (option->short_name != 0)
        printf("-%c|", option->short_name);
    printf("--%s) choices=\"", option->name);
    for (const char *c = option->argument; *c != '\0'; c++)
        putchar(*c == '|' ? ' ' : *c);
    printf("\" ;;\n");
}

static void print_completion_case(const cli_command_t *command, const cli_option_t *options,
                                  void *context)
{
    (void)context;
    printf("    %s)\n        options=\"--help", command->name);
    cli_options_visit(options, print_option_names, NULL);
    printf("\"\n        case $prev in\n");
    cli_options_visit(options, print_choice_case, NULL);
    printf("        esac ;;\n");
}

void cli_print_bash_completion(const cli_command_t *const *commands, size_t n_commands)
{
    printf("# bash completion for coopnet %s: commands, options and option values.\n"
           "# Generated by 'coopnet help --bash-completion' from the commands' option tables.\n"
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
    describe_commands(commands, n_commands, print_completion_case, NULL);
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

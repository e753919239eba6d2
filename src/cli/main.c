/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - the coopnet command: dispatches to one command per file (commands.def). */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__) && defined(__GLIBC__)
#include <sys/auxv.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#endif

static const cli_command_t *const commands[] = {
#define CLI_COMMAND(name) &cli_command_##name,
#include "commands.def"
#undef CLI_COMMAND
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const cli_program_text_t program_text = {
    "usage: coopnet COMMAND [OPTIONS] [ARGS]\n"
    "       coopnet help [COMMAND] | coopnet COMMAND --help | coopnet --version\n",
    "coopnet analyses cooperation networks: actors (cities, governorates, national\n"
    "bodies, international organisations) linked by the events they attend together\n"
    "and the ties between them (agreements, memberships, technical support...).\n"
    "Input is a bundle directory of CSV files\n"
    "(docs/bundle-format.md) or a GraphML file.\n",
    cli_exit_codes_help};

static void print_overview(FILE *stream)
{
    fprintf(stream, "%s\n%s\nCommands:\n", program_text.usage, program_text.description);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(stream, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(stream, "\n%s", cli_exit_codes_help);
}

static const cli_command_t *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

/* Ctrl-C, SIGTERM, SIGHUP (the terminal went away), SIGQUIT: remove the temporary output
 * files, then leave with 128 + signal. */
static void on_signal(int signal_number)
{
    coopnet_output_remove_all_temporary();
    _exit(128 + signal_number);
}

static void handle_signals(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    const int fatal[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
        sigaction(fatal[i], &action, NULL);
    /* over the file size limit, write() fails with EFBIG instead of killing the process: the
     * output's ordinary error path then removes the temporary and exits 1 */
    signal(SIGXFSZ, SIG_IGN);
}

/* Standard descriptors closed by the caller (2>&- under cron) would be reused by the first file
 * opened, an output's temporary, and messages would be written into the result. Each closed one
 * is reopened on /dev/null: stdin and stderr readable and writable as usual, stdout read-only so
 * that results written to it fail (exit 1) instead of vanishing. */
static void reopen_closed_standard_descriptors(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int opened = open("/dev/null", fd == STDOUT_FILENO ? O_RDONLY : O_RDWR);
        if (opened >= 0 && opened != fd) {
            dup2(opened, fd);
            close(opened);
        }
    }
}

/* Results on stdout that could not all be written (/dev/full, a closed stdout) fail a run that
 * would otherwise succeed (a failed run has said why already). */
static int check_standard_output(int exit_status)
{
    if (exit_status != COOPNET_EXIT_OK || (fflush(stdout) == 0 && !ferror(stdout)))
        return exit_status;
    int saved = errno;
    cli_error("cannot write standard output: %s", strerror(saved ? saved : EIO));
    return COOPNET_EXIT_FAILURE;
}

static int run(int argc, char **argv);

/* The analyses build graphs of millions of links again and again (a report builds a dozen), and
 * igraph allocates them with malloc: in 4 KiB pages, each faulted in, and held in as many TLB
 * entries. glibc backs its heap with transparent huge pages when asked by the tunable
 * glibc.malloc.hugetlb, which it reads only at start-up, so coopnet runs itself again with it set
 * (a 10 000-actor report: a tenth faster). With it, blocks up to 32 MiB (glibc's largest
 * glibc.malloc.mmap_threshold) come from the heap and freed memory stays there
 * (glibc.malloc.trim_threshold of 1 GiB) for the next graph, instead of being handed back to
 * the kernel and faulted in, zeroed, again. Not for a command that builds no graph
 * (cli_command_t.without_huge_heap: validate, whose loader now sizes its arrays once, runs
 * faster as started, by the second start-up's 20 ms and more). Not when the caller set
 * GLIBC_TUNABLES (theirs is kept), under valgrind
 * (the new process would run outside it), or when COOPNET_HUGE_PAGES=0; if the new process
 * cannot be started, this one goes on as it is. Results are the same. */
static void restart_with_huge_pages(char **argv)
{
#if defined(__linux__) && defined(__GLIBC__)
    const char *wanted = getenv("COOPNET_HUGE_PAGES");
    const char *preload = getenv("LD_PRELOAD");
    /* a set-id process may have GLIBC_TUNABLES taken out of its environment: it keeps its own */
    if (getauxval(AT_SECURE) || getenv("GLIBC_TUNABLES") != NULL ||
        (wanted != NULL && strcmp(wanted, "0") == 0) ||
        (preload != NULL && strstr(preload, "vgpreload") != NULL))
        return;
    /* COOPNET_HUGE_PAGES=0 as well: the new process never starts a third */
    if (setenv("GLIBC_TUNABLES",
               "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:"
               "glibc.malloc.trim_threshold=1073741824",
               1) != 0 ||
        setenv("COOPNET_HUGE_PAGES", "0", 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    unsetenv("GLIBC_TUNABLES");
    if (wanted != NULL)
        setenv("COOPNET_HUGE_PAGES", wanted, 1);
    else
        unsetenv("COOPNET_HUGE_PAGES");
#else
    (void)argv;
#endif
}

/* For a command that runs as started (without_huge_heap): glibc's heap keeps blocks up to 32 MiB
 * and the memory freed, as the restart's tunables do, but without huge pages for the heap: a
 * table freed by one stage (the second half of participation.csv) is then reused by the next
 * (the duplicate-name search) instead of being returned to the kernel while fresh pages are
 * faulted in and cleared for it. A caller's GLIBC_TUNABLES or COOPNET_HUGE_PAGES=0 leave malloc
 * as it is. */
static void keep_freed_memory(void)
{
#if defined(__linux__) && defined(__GLIBC__)
    const char *wanted = getenv("COOPNET_HUGE_PAGES");
    if (getenv("GLIBC_TUNABLES") != NULL || (wanted != NULL && strcmp(wanted, "0") == 0))
        return;
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

int main(int argc, char **argv)
{
    const cli_command_t *command = argc > 1 ? find_command(argv[1]) : NULL;
    if (command == NULL || !command->without_huge_heap)
        restart_with_huge_pages(argv);
    else
        keep_freed_memory();
    reopen_closed_standard_descriptors();
    handle_signals();
    coopnet_library_init();
    return check_standard_output(run(argc, argv));
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        print_overview(stderr);
        return COOPNET_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("coopnet %s\n", coopnet_version());
        return COOPNET_EXIT_OK;
    }
    if (strcmp(name, "help") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        /* Hidden: the build generates the man page and the completion script with these. */
        if (argc == 3 && strcmp(argv[2], "--man") == 0) {
            cli_print_man_page(commands, N_COMMANDS, &program_text);
            return COOPNET_EXIT_OK;
        }
        if (argc == 3 && strcmp(argv[2], "--bash-completion") == 0) {
            cli_print_bash_completion(commands, N_COMMANDS);
            return COOPNET_EXIT_OK;
        }
        if (argc > 2) {
            const cli_command_t *command = find_command(argv[2]);
            if (command == NULL) {
                cli_error("unknown command '%s'; see 'coopnet help'", argv[2]);
                return COOPNET_EXIT_USAGE;
            }
            char *help_argv[] = {argv[2], "--help", NULL};
            return command->run(2, help_argv);
        }
        print_overview(stdout);
        return COOPNET_EXIT_OK;
    }
    const cli_command_t *command = find_command(name);
    if (command == NULL) {
        cli_error("unknown command '%s'; see 'coopnet help'", name);
        return COOPNET_EXIT_USAGE;
    }
    return command->run(argc - 1, argv + 1);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_batch.c - `coopnet batch JOBFILE`: many analyses from one command.
 *
 * Each job runs as a child process of this same program (never as a thread: Debian's igraph is
 * built without thread safety), --jobs N of them at a time, in the job file's directory so that
 * relative paths are relative to the job file. A job's stdout and stderr go to temporary files
 * and are copied out, prefixed with the job's name, when it ends, so parallel jobs never
 * interleave their messages.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_PARALLEL_JOBS 64

static int run_batch(int argc, char **argv);

const cli_command_t cli_command_batch = {
    .name = "batch",
    .summary = "run the analyses listed in a job file, several at a time",
    .usage =
        "usage: coopnet batch [--keep-going] [--jobs N] [--timeout SECONDS] [--memory-limit SIZE]\n"
        "                     [--quiet] JOBFILE",
    .help =
        "\nRuns every job of JOBFILE, an INI file with one section per job:\n\n"
        "  [defaults]                   keys every job inherits unless it sets them\n"
        "  bundle = mena-hub\n\n"
        "  [mena-report]                the job's name\n"
        "  command = report             the coopnet command to run (required)\n"
        "  output = out/mena.pdf        its -o FILE (the directory is created)\n"
        "  country = MA                 any other key K = V becomes --K=V; K = true becomes --K\n"
        "  args = --as-of 2024-06       further words, quoted as in a shell\n"
        "  timeout = 600                stop the job after 600 seconds (status 'timed out')\n\n"
        "Relative paths are relative to the job file's directory. Each job runs as a separate\n"
        "process; their messages are printed, prefixed with the job's name, as each ends. At "
        "the\n"
        "end a table gives each job's status, seconds and output. Jobs not run because an "
        "earlier\n"
        "one failed are listed as 'skipped'. The keys are the commands' options, old spellings\n"
        "included (with their note); every job's keys are checked before any job runs.\n",
    .examples = "Exit status: 0 when every job succeeded, 1 when any failed, 3 for an invalid job "
                "file.\n\n"
                "Example:\n"
                "  coopnet batch --jobs 2 datasets/report-figures.ini\n",
    .run = run_batch};

typedef enum {
    JOB_PENDING,
    JOB_RUNNING,
    JOB_OK,
    JOB_FAILED,
    JOB_TIMED_OUT,
    JOB_SKIPPED
} job_state_t;

/* After a timeout's SIGTERM, the seconds a job has to clean up before SIGKILL. */
#define TIMEOUT_GRACE_SECONDS 2.0

typedef struct job_run {
    job_state_t state;
    pid_t pid;
    int exit_status; /* exit code, or 128 + signal */
    double started, seconds;
    double deadline; /* when it is stopped (monotonic seconds), 0: never */
    bool timed_out;  /* SIGTERM sent at the deadline; SIGKILL after the grace time */
    FILE *captured_stdout, *captured_stderr;
} job_run_t;

/* The running children, for the signal handler: it forwards SIGINT/SIGTERM to them. */
static volatile sig_atomic_t running_pids[MAX_PARALLEL_JOBS];
static volatile sig_atomic_t batch_signal;

/* Each job runs in a process group of its own (its pid), so that a signal reaches whatever the
 * job started too. */
static void forward_signal(int signal_number)
{
    batch_signal = signal_number;
    for (int i = 0; i < MAX_PARALLEL_JOBS; i++)
        if (running_pids[i] > 0)
            kill(-(pid_t)running_pids[i], SIGTERM);
}

static double now_seconds(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

/* "DIR/PATH" unless PATH is absolute or DIR is "."; the caller frees. */
static char *join_path(const char *directory, const char *path)
{
    size_t size = strlen(directory) + strlen(path) + 2;
    char *joined = malloc(size);
    if (joined == NULL)
        return NULL;
    if (path[0] == '/' || strcmp(directory, ".") == 0)
        snprintf(joined, size, "%s", path);
    else
        snprintf(joined, size, "%s/%s", directory, path);
    return joined;
}

/* Where a job writes its output, as seen from here; NULL when the job names none (or memory ran
 * out). The caller frees. */
static char *output_path_of(const coopnet_job_t *job, const char *directory)
{
    return job->output ? join_path(directory, job->output) : NULL;
}

/* Creates the directories leading to path (mkdir -p of its parent). */
static int make_parent_directories(const char *path)
{
    char buffer[PATH_MAX];
    if (snprintf(buffer, sizeof buffer, "%s", path) >= (int)sizeof buffer)
        return -1;
    char *slash = strrchr(buffer, '/');
    if (slash == NULL || slash == buffer)
        return 0;
    *slash = '\0';
    for (char *p = buffer + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buffer, 0777) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buffer, 0777) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

/* Copies a job's captured output to stream, each line prefixed with "[name] " when prefix. */
static void copy_captured(FILE *captured, FILE *stream, const char *name, bool prefix)
{
    if (captured == NULL)
        return;
    rewind(captured);
    char line[4096];
    bool at_line_start = true;
    while (fgets(line, sizeof line, captured) != NULL) {
        if (prefix && at_line_start)
            fprintf(stream, "[%s] ", name);
        fputs(line, stream);
        at_line_start = strchr(line, '\n') != NULL;
    }
    if (!at_line_start)
        fputc('\n', stream);
    fflush(stream);
}

/* Whether the job gives its own --memory-limit (a key of the job file). */
static bool job_sets_memory_limit(const coopnet_job_t *job)
{
    for (size_t i = 1; i < job->argc; i++)
        if (strncmp(job->argv[i], "--memory-limit", 14) == 0)
            return true;
    return false;
}

/* The job's command line for execv: the program name, the command, batch's --memory-limit when
 * given (memory_limit not NULL), the job's other words, --quiet when asked, NULL. The array is
 * the caller's to free, the words stay the job's; NULL when memory ran out. */
static char **child_command_line(const coopnet_job_t *job, bool quiet, const char *memory_limit)
{
    char **child_argv = calloc(job->argc + 5, sizeof *child_argv);
    if (child_argv == NULL)
        return NULL;
    size_t n = 0;
    child_argv[n++] = "coopnet";
    child_argv[n++] = job->argv[0];
    if (memory_limit != NULL) {
        child_argv[n++] = "--memory-limit";
        child_argv[n++] = (char *)memory_limit;
    }
    for (size_t i = 1; i < job->argc; i++)
        child_argv[n++] = job->argv[i];
    if (quiet)
        child_argv[n++] = "--quiet";
    return child_argv;
}

/* A temporary file that no child inherits (close-on-exec: the jobs started while this one
 * runs must not hold it open); NULL with errno set. */
static FILE *capture_file(void)
{
    FILE *file = tmpfile();
    if (file != NULL && fcntl(fileno(file), F_SETFD, FD_CLOEXEC) != 0) {
        fclose(file);
        return NULL;
    }
    return file;
}

/* Closes a job's captured output (after it was copied out): each job holds two descriptors only
 * while it runs, so any number of jobs runs under a low descriptor limit. */
static void close_captured(job_run_t *run)
{
    if (run->captured_stdout)
        fclose(run->captured_stdout);
    if (run->captured_stderr)
        fclose(run->captured_stderr);
    run->captured_stdout = run->captured_stderr = NULL;
}

/* In the child: the job's own process group, and (on Linux) an end when the batch dies, even by
 * SIGKILL, so that no job outlives a killed batch. */
static void tie_child_to_batch(pid_t batch_pid)
{
    setpgid(0, 0);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    if (getppid() != batch_pid) /* the batch died before prctl */
        _exit(128 + SIGTERM);
}

/* Starts one job; returns 0, or -1 after printing why it could not start. */
static int start_job(const coopnet_job_t *job, job_run_t *run, const char *program,
                     const char *directory, bool quiet, double default_timeout,
                     const char *memory_limit)
{
    run->captured_stdout = capture_file();
    run->captured_stderr = run->captured_stdout ? capture_file() : NULL;
    if (run->captured_stdout == NULL || run->captured_stderr == NULL) {
        cli_error("job '%s': cannot create a temporary file: %s", job->name, strerror(errno));
        close_captured(run);
        return -1;
    }
    char **child_argv = child_command_line(job, quiet, memory_limit);
    if (child_argv == NULL) {
        cli_error("out of memory");
        return -1;
    }

    fflush(NULL);
    run->started = now_seconds();
    pid_t batch_pid = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        cli_error("job '%s': cannot start a process: %s", job->name, strerror(errno));
        free(child_argv);
        close_captured(run);
        return -1;
    }
    if (pid == 0) {
        tie_child_to_batch(batch_pid);
        int null_input = open("/dev/null", O_RDONLY);
        if (null_input >= 0)
            dup2(null_input, STDIN_FILENO);
        dup2(fileno(run->captured_stdout), STDOUT_FILENO);
        dup2(fileno(run->captured_stderr), STDERR_FILENO);
        setenv("COOPNET_PROGRESS", "off", 1);
        if (chdir(directory) != 0) {
            fprintf(stderr, "coopnet: cannot enter '%s': %s\n", directory, strerror(errno));
            _exit(COOPNET_EXIT_FAILURE);
        }
        execv(program, child_argv);
        fprintf(stderr, "coopnet: cannot run '%s': %s\n", program, strerror(errno));
        _exit(COOPNET_EXIT_FAILURE);
    }
    free(child_argv);
    double timeout = job->timeout > 0 ? job->timeout : default_timeout;
    run->deadline = timeout > 0 ? run->started + timeout : 0;
    run->timed_out = false;
    setpgid(pid, pid); /* as the child does: whichever runs first, the group exists */
    run->pid = pid;
    run->state = JOB_RUNNING;
    for (int i = 0; i < MAX_PARALLEL_JOBS; i++) {
        if (running_pids[i] == 0) {
            running_pids[i] = pid;
            break;
        }
    }
    if (batch_signal) /* the signal came while we were starting it */
        kill(-pid, SIGTERM);
    return 0;
}

static void forget_pid(pid_t pid)
{
    for (int i = 0; i < MAX_PARALLEL_JOBS; i++)
        if (running_pids[i] == pid)
            running_pids[i] = 0;
}

static const char *state_name(job_state_t state)
{
    switch (state) {
    case JOB_OK:
        return "ok";
    case JOB_FAILED:
        return "failed";
    case JOB_SKIPPED:
        return "skipped";
    case JOB_TIMED_OUT:
        return "timed out";
    default:
        return "not run";
    }
}

static void print_table(const coopnet_jobs_t *jobs, const job_run_t *runs, const char *directory)
{
    int name_width = 3;
    for (size_t i = 0; i < jobs->n_jobs; i++) {
        int length = (int)strlen(jobs->items[i].name);
        if (length > name_width)
            name_width = length;
    }
    printf("%-*s  %-11s %8s  %s\n", name_width, "job", "status", "seconds", "output");
    for (size_t i = 0; i < jobs->n_jobs; i++) {
        const job_run_t *run = &runs[i];
        char status[32], seconds[32];
        if (run->state == JOB_FAILED)
            snprintf(status, sizeof status, "failed (%d)", run->exit_status);
        else
            snprintf(status, sizeof status, "%s", state_name(run->state));
        if (run->state == JOB_OK || run->state == JOB_FAILED || run->state == JOB_TIMED_OUT)
            snprintf(seconds, sizeof seconds, "%.2f", run->seconds);
        else
            snprintf(seconds, sizeof seconds, "-");
        char *output = output_path_of(&jobs->items[i], directory);
        printf("%-*s  %-11s %8s  %s\n", name_width, jobs->items[i].name, status, seconds,
               run->state == JOB_OK && output ? output : "-");
        free(output);
    }
    fflush(stdout);
}

/* The command a job names, spelt as on the command line (reach-curve), or NULL. */
static const cli_command_t *job_command(const char *name)
{
    static const cli_command_t *const commands[] = {
#define CLI_COMMAND(name) &cli_command_##name,
#include "commands.def"
#undef CLI_COMMAND
    };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

/* A job's command line checked against its command's option table, which the command hands
 * over when run with cli_describe set (its table is a local of its run function). */
typedef struct option_check {
    const coopnet_job_t *job;
    char message[COOPNET_ERROR_MESSAGE_SIZE];
    bool failed;
    bool takes_memory_limit; /* the command has --memory-limit */
} option_check_t;

static void check_job_options(const cli_command_t *command, const cli_option_t *options,
                              void *context)
{
    option_check_t *check = context;
    for (const cli_option_t *option = options; option->name != NULL; option++)
        if (strcmp(option->name, "memory-limit") == 0)
            check->takes_memory_limit = true;
    if (cli_check_options(command, options, (int)check->job->argc, check->job->argv, check->message,
                          sizeof check->message) != COOPNET_EXIT_OK)
        check->failed = true;
}

/* Checks every job's command, its keys (the command's options) and their values before running
 * any, so that a mistake in the last job is found before the first one writes anything; prints
 * each problem. takes_memory_limit[i] (one per job) says whether job i's command has
 * --memory-limit and the job does not set it. Returns the count. */
static int check_commands(const coopnet_jobs_t *jobs, const char *job_file,
                          bool *takes_memory_limit)
{
    int problems = 0;
    for (size_t i = 0; i < jobs->n_jobs; i++) {
        const coopnet_job_t *job = &jobs->items[i];
        const cli_command_t *command = job_command(job->command);
        if (command == &cli_command_batch) {
            fprintf(stderr, "%s:%llu: error: job '%s': a batch cannot run 'batch'\n", job_file,
                    (unsigned long long)job->line, job->name);
            problems++;
            continue;
        }
        if (command == NULL) {
            fprintf(stderr, "%s:%llu: error: job '%s': unknown command '%s'\n", job_file,
                    (unsigned long long)job->line, job->name, job->command);
            problems++;
            continue;
        }
        option_check_t check = {.job = job, .failed = false, .takes_memory_limit = false};
        char *describe_argv[] = {job->argv[0], NULL};
        cli_describe = check_job_options;
        cli_describe_context = &check;
        command->run(1, describe_argv);
        cli_describe = NULL;
        cli_describe_context = NULL;
        takes_memory_limit[i] = check.takes_memory_limit && !job_sets_memory_limit(job);
        if (check.failed) {
            char escaped[2 * COOPNET_ERROR_MESSAGE_SIZE];
            coopnet_text_escape_controls(check.message, escaped, sizeof escaped);
            fprintf(stderr, "%s:%llu: error: job '%s': %s\n", job_file,
                    (unsigned long long)job->line, job->name, escaped);
            problems++;
        }
    }
    return problems;
}

/* The directory of the job file ("." for a bare name); the caller frees. */
static char *directory_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    size_t length = (size_t)(slash - path);
    char *directory = malloc(length + 1);
    if (directory != NULL) {
        memcpy(directory, path, length);
        directory[length] = '\0';
    }
    return directory;
}

/* Reads the options; on success *job_file is the one operand. Returns 0, or -1 with
 * *exit_status set (--help, a usage error). */
static int parse_batch_options(int argc, char **argv, bool *keep_going, long long *parallel,
                               double *timeout, uint64_t *memory_limit, const char **job_file,
                               int *exit_status)
{
    const cli_option_t options[] = {
        CLI_FLAG("keep-going", 'k', "run the remaining jobs after a failure", keep_going),
        {.name = "jobs",
         .short_name = 'j',
         .argument = "N",
         .help = "run up to N jobs at once (default 1, at most 64)",
         .value = parallel,
         .parse = cli_parse_integer,
         .min = 1,
         .max = MAX_PARALLEL_JOBS},
        CLI_VALUE("timeout", "SECONDS",
                  "stop a job (its process group) that runs longer, unless\nits own 'timeout' "
                  "key says otherwise; status 'timed out'",
                  timeout, cli_parse_positive),
        CLI_VALUE("memory-limit", "SIZE",
                  "the --memory-limit of every job whose command takes\none and that sets none "
                  "(default: each command's, 1.5G)",
                  memory_limit, cli_parse_memory_limit),
        CLI_QUIET("no progress, and the jobs run with --quiet"),
        CLI_OPTION_END};
    int n_operands = cli_parse_options(&cli_command_batch, options, argc, argv, exit_status);
    if (n_operands < 0)
        return -1;
    if (*timeout > COOPNET_JOB_MAX_TIMEOUT) {
        *exit_status = cli_usage_error(&cli_command_batch,
                                       "--timeout needs a number of seconds > 0 and at most %d, "
                                       "not '%g'",
                                       COOPNET_JOB_MAX_TIMEOUT, *timeout);
        return -1;
    }
    if (n_operands != 1) {
        *exit_status = cli_usage_error(&cli_command_batch, "expected one JOBFILE");
        return -1;
    }
    *job_file = argv[0];
    return 0;
}

/* Loads the job file and checks every job's command and keys, printing the problems, before any
 * job runs. Returns an exit status. */
static int load_jobs(const char *job_file, coopnet_jobs_t *jobs, bool **takes_memory_limit)
{
    int exit_status = COOPNET_EXIT_OK;
    coopnet_diag_list_t diags;
    coopnet_error_t err;
    coopnet_diag_list_init(&diags);
    int status = coopnet_jobs_load(job_file, jobs, &diags, &err);
    cli_print_diagnostics(&diags, true);
    if (status != COOPNET_OK)
        exit_status = cli_fail(&err);
    else if ((*takes_memory_limit = calloc(jobs->n_jobs + 1, sizeof **takes_memory_limit)) ==
             NULL) {
        cli_error("out of memory");
        exit_status = COOPNET_EXIT_FAILURE;
    } else if (check_commands(jobs, job_file, *takes_memory_limit) > 0)
        exit_status = COOPNET_EXIT_DATA;
    coopnet_diag_list_destroy(&diags);
    return exit_status;
}

/* The path of this program, which runs the jobs, into program (size bytes). Returns 0, or -1
 * after printing why. */
static int find_own_program(char *program, size_t size)
{
    ssize_t length = readlink("/proc/self/exe", program, size - 1);
    if (length <= 0 || (size_t)length >= size - 1) {
        cli_error("cannot find the coopnet program itself (/proc/self/exe)");
        return -1;
    }
    program[length] = '\0';
    return 0;
}

typedef struct saved_handlers {
    struct sigaction interrupt, terminate;
    bool installed;
} saved_handlers_t;

/* Lets SIGINT and SIGTERM reach the running jobs (forward_signal) rather than end the batch. */
static void install_signal_forwarding(saved_handlers_t *saved)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = forward_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &saved->interrupt);
    sigaction(SIGTERM, &action, &saved->terminate);
    saved->installed = true;
}

static void restore_signal_handlers(const saved_handlers_t *saved)
{
    if (!saved->installed)
        return;
    sigaction(SIGINT, &saved->interrupt, NULL);
    sigaction(SIGTERM, &saved->terminate, NULL);
}

/* The state of a batch while its jobs run. */
typedef struct batch {
    const coopnet_jobs_t *jobs;
    job_run_t *runs; /* one per job */
    const char *program, *directory;
    bool keep_going;
    double timeout;                 /* --timeout: for jobs without their own, 0: none */
    const char *memory_limit;       /* --memory-limit in bytes, or NULL */
    const bool *takes_memory_limit; /* per job: pass memory_limit to it */
    size_t parallel;
    size_t next, running, finished; /* next: the first job not started */
    bool stop;                      /* start no more jobs */
    coopnet_progress_t progress;
} batch_t;

/* Creates the directory of a job's output; a failure is printed and the job left to fail. */
static void prepare_output_directory(const coopnet_job_t *job, const char *directory)
{
    char *output = output_path_of(job, directory);
    if (output != NULL && make_parent_directories(output) != 0)
        cli_error("job '%s': cannot create the directory of '%s': %s", job->name, output,
                  strerror(errno));
    free(output);
}

/* Starts jobs in file order until --jobs N run, unless the batch is stopping. */
static void start_pending_jobs(batch_t *batch)
{
    while (!batch->stop && !batch_signal && batch->next < batch->jobs->n_jobs &&
           batch->running < batch->parallel) {
        const coopnet_job_t *job = &batch->jobs->items[batch->next];
        job_run_t *run = &batch->runs[batch->next++];
        prepare_output_directory(job, batch->directory);
        const char *memory_limit =
            batch->takes_memory_limit[batch->next - 1] ? batch->memory_limit : NULL;
        if (start_job(job, run, batch->program, batch->directory, cli_quiet, batch->timeout,
                      memory_limit) != 0) {
            run->state = JOB_FAILED;
            run->exit_status = COOPNET_EXIT_FAILURE;
            batch->finished++;
            batch->stop = !batch->keep_going;
            continue;
        }
        batch->running++;
    }
}

/* Records the end of the running job with this pid and prints its captured messages. */
static void finish_job(batch_t *batch, pid_t pid, int wait_status)
{
    for (size_t i = 0; i < batch->jobs->n_jobs; i++) {
        job_run_t *run = &batch->runs[i];
        if (run->state != JOB_RUNNING || run->pid != pid)
            continue;
        batch->running--;
        batch->finished++;
        run->seconds = now_seconds() - run->started;
        run->exit_status =
            WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
        run->state = run->timed_out ? JOB_TIMED_OUT : run->exit_status == 0 ? JOB_OK : JOB_FAILED;
        cli_progress_finish();
        if (run->timed_out)
            cli_error("job '%s': timed out after %.0f seconds", batch->jobs->items[i].name,
                      run->deadline - run->started);
        copy_captured(run->captured_stdout, stdout, batch->jobs->items[i].name, false);
        copy_captured(run->captured_stderr, stderr, batch->jobs->items[i].name, true);
        close_captured(run);
        if (run->state != JOB_OK && !batch->keep_going)
            batch->stop = true;
        coopnet_progress_report(&batch->progress, "jobs", batch->finished, batch->jobs->n_jobs);
    }
}

/* Stops the running jobs past their deadline: SIGTERM to the job's process group (the job
 * removes its temporary files), SIGKILL when it is still there after the grace time. Returns
 * whether any running job has a deadline (then the batch must not wait without one). */
static bool enforce_deadlines(batch_t *batch)
{
    bool any_deadline = false;
    double now = now_seconds();
    for (size_t i = 0; i < batch->jobs->n_jobs; i++) {
        job_run_t *run = &batch->runs[i];
        if (run->state != JOB_RUNNING || run->deadline <= 0)
            continue;
        any_deadline = true;
        if (!run->timed_out && now >= run->deadline) {
            run->timed_out = true;
            kill(-run->pid, SIGTERM);
        } else if (run->timed_out && now >= run->deadline + TIMEOUT_GRACE_SECONDS) {
            kill(-run->pid, SIGKILL);
        }
    }
    return any_deadline;
}

/* Runs the jobs --jobs N at a time until all have run, or until a failure (without
 * --keep-going) or a signal stops the batch; then waits for those still running. Returns an
 * exit status: 1 when waiting failed (the jobs still running are then left to end alone), else
 * 0 whatever the jobs did. */
static int run_jobs(batch_t *batch)
{
    coopnet_progress_report(&batch->progress, "jobs", 0, batch->jobs->n_jobs);
    while ((batch->next < batch->jobs->n_jobs && !batch->stop) || batch->running > 0) {
        start_pending_jobs(batch);
        if (batch_signal)
            batch->stop = true;
        if (batch->running == 0)
            continue;
        int wait_status;
        bool polling = enforce_deadlines(batch);
        pid_t pid = waitpid(-1, &wait_status, polling ? WNOHANG : 0);
        if (pid == 0) { /* polling: nothing ended yet */
            struct timespec pause = {0, 20 * 1000 * 1000};
            nanosleep(&pause, NULL);
            continue;
        }
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            cli_error("waiting for the jobs failed: %s", strerror(errno));
            return COOPNET_EXIT_FAILURE;
        }
        forget_pid(pid);
        finish_job(batch, pid, wait_status);
    }
    return COOPNET_EXIT_OK;
}

/* Marks the jobs never started as skipped; returns whether any job did not succeed. */
static bool mark_skipped_jobs(job_run_t *runs, size_t n_jobs)
{
    bool any_failed = false;
    for (size_t i = 0; i < n_jobs; i++) {
        if (runs[i].state == JOB_PENDING)
            runs[i].state = JOB_SKIPPED;
        any_failed |= runs[i].state != JOB_OK;
    }
    return any_failed;
}

static int run_batch(int argc, char **argv)
{
    int exit_status = COOPNET_EXIT_OK;
    bool keep_going = false;
    long long parallel = 1;
    double timeout = 0;
    uint64_t memory_limit = 0;
    char memory_limit_text[32];
    bool *takes_memory_limit = NULL;
    const char *job_file = NULL;
    coopnet_jobs_t jobs;
    job_run_t *runs = NULL;
    char *directory = NULL;
    char program[PATH_MAX];
    saved_handlers_t saved_handlers = {.installed = false};
    coopnet_jobs_init(&jobs);

    if (parse_batch_options(argc, argv, &keep_going, &parallel, &timeout, &memory_limit, &job_file,
                            &exit_status) != 0)
        goto cleanup;
    snprintf(memory_limit_text, sizeof memory_limit_text, "%llu", (unsigned long long)memory_limit);
    exit_status = load_jobs(job_file, &jobs, &takes_memory_limit);
    if (exit_status != COOPNET_EXIT_OK)
        goto cleanup;
    if (find_own_program(program, sizeof program) != 0) {
        exit_status = COOPNET_EXIT_FAILURE;
        goto cleanup;
    }
    directory = directory_of(job_file);
    runs = calloc(jobs.n_jobs, sizeof *runs);
    if (directory == NULL || runs == NULL) {
        cli_error("out of memory");
        exit_status = COOPNET_EXIT_FAILURE;
        goto cleanup;
    }
    install_signal_forwarding(&saved_handlers);

    batch_t batch = {.jobs = &jobs,
                     .runs = runs,
                     .program = program,
                     .directory = directory,
                     .keep_going = keep_going,
                     .timeout = timeout,
                     .memory_limit = memory_limit > 0 ? memory_limit_text : NULL,
                     .takes_memory_limit = takes_memory_limit,
                     .parallel = (size_t)parallel,
                     .progress = cli_progress()};
    exit_status = run_jobs(&batch);
    cli_progress_finish();
    bool any_failed = mark_skipped_jobs(runs, jobs.n_jobs);
    print_table(&jobs, runs, directory);
    if (batch_signal)
        exit_status = 128 + batch_signal;
    else if (any_failed && exit_status == COOPNET_EXIT_OK)
        exit_status = COOPNET_EXIT_FAILURE;
cleanup:
    restore_signal_handlers(&saved_handlers);
    for (size_t i = 0; runs != NULL && i < jobs.n_jobs; i++)
        close_captured(&runs[i]); /* jobs still running when waiting failed */
    free(runs);
    free(takes_memory_limit);
    free(directory);
    coopnet_jobs_destroy(&jobs);
    return exit_status;
}

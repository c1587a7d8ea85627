/*
 * yaml_loop: the bare libyaml peer of the skp-cascade (and anjab-validate)
 * benchmarks.
 *
 *     yaml_loop PATH...
 *
 * It reads every file named, and every *.yaml / *.yml file under every
 * folder named (recursively), "-" being standard input, parses each with
 * yaml_parser_parse until STREAM-END, counts the events and prints
 * "EVENTS FILES" on standard output.  Nothing else: no document tree, no
 * keys looked at, no copy of a scalar.  That is the point of the peer:
 * the ratio skp-cascade --check / yaml_loop is the price of everything the
 * command does beyond the library's own parsing (loading into structs,
 * interning ids, the cascade checks).
 *
 * Input goes through libyaml's own file reader (yaml_parser_set_input_file
 * on a stdio stream with a 1 MiB buffer), so memory stays flat whatever
 * the size of the file.
 *
 * Exit status as in kinerja: 0 parsed, 2 bad usage or malformed YAML
 * (file:line:col of libyaml's problem on standard error), 3 I/O failure.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

static const char *prog = "yaml_loop";
static unsigned long long n_events;
static unsigned long n_files;
static char iobuf[1 << 20];

static void parse_stream(FILE *f, const char *name)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int done = 0;

	if (!yaml_parser_initialize(&p)) {
		fprintf(stderr, "%s: %s: cannot initialise libyaml\n", prog,
		        name);
		exit(3);
	}
	yaml_parser_set_input_file(&p, f);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "%s: %s:%lu:%lu: error: %s\n", prog, name,
			        (unsigned long)p.problem_mark.line + 1,
			        (unsigned long)p.problem_mark.column + 1,
			        p.problem ? p.problem : "malformed YAML");
			yaml_parser_delete(&p);
			exit(2);
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		n_events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	n_files++;
}

static void parse_file(const char *path)
{
	FILE *f;

	if (!strcmp(path, "-")) {
		parse_stream(stdin, "<stdin>");
		return;
	}
	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		exit(errno == ENOENT ? 2 : 3);
	}
	setvbuf(f, iobuf, _IOFBF, sizeof iobuf);
	parse_stream(f, path);
	if (ferror(f)) {
		fprintf(stderr, "%s: %s: read error\n", prog, path);
		exit(3);
	}
	fclose(f);
}

static int is_yaml_name(const char *s)
{
	size_t n = strlen(s);

	return (n > 5 && !strcmp(s + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(s + n - 4, ".yml"));
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void walk(const char *path, int top)
{
	struct stat st;
	struct dirent **ents;
	int n;

	if (!strcmp(path, "-") || stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		/* A file named on the command line is read whatever its name. */
		if (top || is_yaml_name(path))
			parse_file(path);
		return;
	}
	n = scandir(path, &ents, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		exit(3);
	}
	for (int i = 0; i < n; i++) {
		const char *d = ents[i]->d_name;

		if (d[0] != '.') {
			size_t len = strlen(path) + strlen(d) + 2;
			char *sub = malloc(len);

			if (!sub) {
				fprintf(stderr, "%s: out of memory\n", prog);
				exit(3);
			}
			snprintf(sub, len, "%s/%s", path, d);
			walk(sub, 0);
			free(sub);
		}
		free(ents[i]);
	}
	free(ents);
}

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fprintf(argc < 2 ? stderr : stdout,
		        "Usage: yaml_loop PATH...\n"
		        "Parse every YAML file (folders: *.yaml, *.yml "
		        "recursively) with libyaml's event\n"
		        "loop and print the number of events and files.\n");
		return argc < 2 ? 2 : 0;
	}
	for (int i = 1; i < argc; i++)
		walk(argv[i], 1);
	printf("%llu %lu\n", n_events, n_files);
	return fflush(stdout) ? 3 : 0;
}

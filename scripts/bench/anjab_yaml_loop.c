/*
 * anjab_yaml_loop: the floor for anjab-validate in `make bench` -- a bare
 * libyaml event loop over the same bytes, doing nothing with the events
 * but count them.  Each FILE is read through libyaml's own file reader.
 *
 *   anjab_yaml_loop FILE...
 *
 * Prints the number of events and documents.  Exit 0, or 2 when a file
 * cannot be opened or does not parse.
 */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

int main(int argc, char **argv)
{
	unsigned long events = 0, docs = 0;

	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		yaml_parser_t p;
		yaml_event_t e;
		int done = 0;

		if (!f) {
			perror(argv[i]);
			return 2;
		}
		if (!yaml_parser_initialize(&p)) {
			fprintf(stderr, "anjab_yaml_loop: out of memory\n");
			return 2;
		}
		yaml_parser_set_input_file(&p, f);
		while (!done) {
			if (!yaml_parser_parse(&p, &e)) {
				fprintf(stderr, "anjab_yaml_loop: %s:%lu:%lu: %s\n",
				        argv[i], (unsigned long)p.problem_mark.line + 1,
				        (unsigned long)p.problem_mark.column + 1,
				        p.problem ? p.problem : "error");
				return 2;
			}
			events++;
			docs += e.type == YAML_DOCUMENT_START_EVENT;
			done = e.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&e);
		}
		yaml_parser_delete(&p);
		fclose(f);
	}
	printf("%lu events, %lu documents\n", events, docs);
	return 0;
}

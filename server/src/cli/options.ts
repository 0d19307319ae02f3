// The options every command accepts, and the shared per-command ones, in one place so the help
// text and the parser can never disagree.
import type { OptionSpec } from './args';

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { key: 'help', long: '--help', short: '-h', help: 'show this help message and exit' },
  { key: 'version', long: '--version', help: "show the program's version number and exit" },
  {
    key: 'config',
    long: '--config',
    short: '-c',
    value: 'CONFIG',
    repeatable: true,
    help:
      'alternate config file: an .ini, or a file named pyproject.toml; may be given twice (one of each). ' +
      'Default: $ALEMBIC_CONFIG, else alembic.ini, plus pyproject.toml, in the current directory',
  },
  { key: 'name', long: '--name', short: '-n', value: 'NAME', help: 'name of the .ini section to use (default: alembic)' },
  {
    key: 'versionLocation',
    long: '--version-location',
    value: 'DIR',
    repeatable: true,
    help: 'read the migration files in DIR (repeatable) and no config file',
  },
  { key: 'json', long: '--json', help: 'print machine-readable JSON instead of text' },
];

export const VERBOSE: OptionSpec = { key: 'verbose', long: '--verbose', short: '-v', help: 'use more verbose output' };

export const CURRENT: OptionSpec = {
  key: 'current',
  long: '--current',
  value: 'REV[,REV]',
  repeatable: true,
  help: "the database's alembic_version rows (history reads no database; see current/status); '' for none",
};

"""The only code that touches files: the safe store, backups, migrations, bundles."""

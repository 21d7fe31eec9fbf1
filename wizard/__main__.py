from wizard.cli.main import entry

entry()

return GeneralizationProofs.Cli.CliApp.Invoke(args);

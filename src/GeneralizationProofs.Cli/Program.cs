using GeneralizationProofs.Cli;

return GenproofCli.Root().Parse(args).Invoke();

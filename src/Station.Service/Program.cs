using Station.Service.Cli;

return await StationCli.InvokeAsync(args);

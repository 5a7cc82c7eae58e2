using Station.Service.Cli;
using Station.Service.Hosting;

NativeHeap.LimitArenas();
return await StationCli.InvokeAsync(args);

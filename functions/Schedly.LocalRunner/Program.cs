using Schedly.Functions.Composition;
using Schedly.LocalRunner;

// Runs the Functions app's classes on Kestrel with Azurite, for machines without Core Tools.
// Usage: Schedly.LocalRunner [--root <folder with host.json>] [--port <port>]
var root = ArgValue(args, "--root") ?? FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("No host.json found; pass --root <folder>.");
var port = ArgValue(args, "--port") is { } portText ? int.Parse(portText, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;

await using var runner = LocalRunnerHost.Build(new LocalRunnerOptions { RootDirectory = root, Port = port });
try
{
    await runner.StartAsync();
}
catch (Exception e) when (ValidatedOptions.Failures(e) is { } problems)
{
    // Every configuration problem at once, one per line, each naming its setting.
    Console.Error.WriteLine("Schedly cannot start: the configuration is invalid (local.settings.json or the environment).");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine("  " + problem);
    }

    return 1;
}

Console.WriteLine();
Console.WriteLine($"Schedly is running at {runner.BaseAddress.ToString().TrimEnd('/')}  ({runner.Catalog.Functions.Count} functions; Ctrl-C stops)");
if (runner.GeneratedOperatorKey is { } key)
{
    Console.WriteLine($"Operator key (generated for this run; set Schedly__Security__OperatorKey to keep one): {key}");
}
else
{
    Console.WriteLine($"Operator key: {runner.Configuration["Schedly:Security:OperatorKey"]}  (from local.settings.json)");
}

Console.WriteLine();
await runner.App.WaitForShutdownAsync();
return 0;

static string? ArgValue(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string? FindRoot(string start)
{
    for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "host.json")) && File.Exists(Path.Combine(directory.FullName, "Schedly.sln")))
        {
            return directory.FullName;
        }
    }

    return null;
}

using System.Globalization;
using Schedly.ScaleBench;

// dotnet run -c Release --project tests/Schedly.ScaleBench -- [--hosts 10,5000] [--active 10]
var hosts = new[] { 10, 5000 };
var active = 10;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--hosts":
            hosts = args[i + 1].Split(',').Select(h => int.Parse(h, CultureInfo.InvariantCulture)).ToArray();
            break;
        case "--active":
            active = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

if (hosts.Any(h => h < active || h > ScaleBenchRun.MaxHosts) || active is < 1 or > 200)
{
    Console.Error.WriteLine($"hosts must be between --active and {ScaleBenchRun.MaxHosts}; --active between 1 and 200");
    return 2;
}

var figures = new List<PathFigure>();
foreach (var h in hosts)
{
    figures.AddRange(await ScaleBenchRun.RunAsync(h, active, Console.Out));
}

Console.WriteLine();
foreach (var path in figures.GroupBy(f => f.Path))
{
    var ops = path.Select(f => f.StorageOperations).ToList();
    var spread = ops.Max() == 0 ? 0 : (ops.Max() - ops.Min()) * 100.0 / ops.Min();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"path={path.Key} storage_ops_spread={spread:0.#}%"));
}

return 0;

using Schedly.Soak;

// Soak under faults. Usage (from the repository root, after a Release build):
//   dotnet run -c Release --project tests/Schedly.Soak -- [--minutes 10 | --seconds 60] [--clients 8] [--max-requests N] [--no-faults] [--seed N] [--work DIR]
// Prints the figures and the invariants as Markdown; exits 1 when an invariant does not hold.
SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var result = await SoakRun.ExecuteAsync(options, Console.Out);
Console.WriteLine();
Console.WriteLine(result.Report);
Console.WriteLine(result.Passed ? "All invariants hold." : $"Invariants broken; the run's data and runner log are in {result.WorkDirectory}");
if (result.Passed && options.WorkDirectory is null)
{
    Directory.Delete(result.WorkDirectory, recursive: true);
}

return result.Passed ? 0 : 1;

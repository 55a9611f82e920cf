namespace Schedly.Testing;

/// <summary>The checkout's root folder (the one holding Schedly.sln), found from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Schedly.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Schedly.sln not found above " + AppContext.BaseDirectory);
    }
}

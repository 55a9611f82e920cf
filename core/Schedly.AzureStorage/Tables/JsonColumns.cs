using Azure.Data.Tables;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// Stores a long JSON document across numbered string columns (<c>Name</c>, <c>Name_1</c>, …), since
/// one Table Storage string property holds at most 32K characters while an entity holds 1 MB.
/// </summary>
internal static class JsonColumns
{
    private const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string json)
    {
        var chunks = json.Chunk(ChunkLength).Select(c => new string(c)).DefaultIfEmpty("").ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[ColumnName(name, i)] = chunks[i];
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetString(name) is not { } first)
        {
            return null;
        }

        var parts = new List<string> { first };
        for (var i = 1; entity.GetString(ColumnName(name, i)) is { } next; i++)
        {
            parts.Add(next);
        }

        return string.Concat(parts);
    }

    private static string ColumnName(string name, int index) => index == 0 ? name : $"{name}_{index}";
}

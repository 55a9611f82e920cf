namespace Schedly.Core.Validation;

/// <summary>
/// Field-level validation failures, keyed by the JSON path of the offending field
/// (camelCase, as clients send it). An empty instance means the input is valid.
/// </summary>
public sealed class ValidationErrors
{
    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentException.ThrowIfNullOrEmpty(message);
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors.Add(field, messages);
        }

        messages.Add(message);
        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public static ValidationErrors Single(string field, string message) => new ValidationErrors().Add(field, message);

    public override string ToString() =>
        string.Join("; ", _errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"));
}

using System.Text;

namespace Schedly.Core.Localization;

/// <summary>
/// Fills a catalog message's <c>{name}</c> placeholders in one pass (text inside a value is never expanded again).
/// A placeholder without a value is a bug and throws <see cref="CatalogException"/>, never prints as is.
/// </summary>
public static class MessageText
{
    public static string Format(string message, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder(message.Length + 32);
        var position = 0;
        while (position < message.Length)
        {
            var open = message.IndexOf('{', position);
            if (open < 0)
            {
                output.Append(message, position, message.Length - position);
                break;
            }

            var close = message.IndexOf('}', open + 1);
            if (close < 0)
            {
                throw new CatalogException($"'{{' at {open} is not closed in \"{message}\".");
            }

            var name = message[(open + 1)..close];
            if (!values.TryGetValue(name, out var value))
            {
                throw new CatalogException($"No value for '{{{name}}}' in \"{message}\".");
            }

            output.Append(message, position, open - position).Append(value);
            position = close + 1;
        }

        return output.ToString();
    }

    /// <summary>The placeholder names a message uses.</summary>
    public static IReadOnlySet<string> Placeholders(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        while (message.IndexOf('{', position) is var open and >= 0)
        {
            var close = message.IndexOf('}', open + 1);
            if (close < 0)
            {
                throw new CatalogException($"'{{' at {open} is not closed in \"{message}\".");
            }

            names.Add(message[(open + 1)..close]);
            position = close + 1;
        }

        return names;
    }
}

/// <summary>A catalog is malformed, lacks a key, or a message was formatted without a value it names: a bug, not bad input.</summary>
public sealed class CatalogException(string message) : Exception(message);

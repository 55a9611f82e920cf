using System.Collections.Concurrent;
using System.Reflection;

namespace Schedly.Core.Notifications;

/// <summary>
/// The email templates embedded in this assembly from <c>Notifications/Templates</c>, looked up by file name
/// (e.g. <c>Created.html</c>). A file ending in <c>.html</c> is an HTML template; any other is plain text.
/// </summary>
public sealed class EmailTemplates
{
    private const string Prefix = "Schedly.Core.Notifications.Templates.";

    private readonly ConcurrentDictionary<string, EmailTemplate> _cache = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _load;

    public EmailTemplates(Func<string, string?> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        _load = load;
    }

    /// <summary>The templates shipped with Schedly.</summary>
    public static EmailTemplates Embedded { get; } = new(LoadEmbedded);

    /// <summary>File names of the embedded templates.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } = typeof(EmailTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    public EmailTemplate Get(string fileName) => _cache.GetOrAdd(fileName, name =>
    {
        var text = _load(name) ?? throw new TemplateException($"No email template named '{name}'.");
        var format = name.EndsWith(".html", StringComparison.Ordinal) ? TemplateFormat.Html : TemplateFormat.Text;
        return EmailTemplate.Parse(name, text, format);
    });

    private static string? LoadEmbedded(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + fileName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text;

namespace Schedly.Core.Notifications;

/// <summary>How a template's values are written into it.</summary>
public enum TemplateFormat
{
    /// <summary>Values are HTML-encoded (text and attribute safe).</summary>
    Html,

    /// <summary>Values are written as they are (plain text, subjects).</summary>
    Text,
}

/// <summary>
/// A parsed email template with two kinds of placeholder: <c>{{name}}</c> takes a value, encoded for the template's
/// <see cref="TemplateFormat"/>; <c>{{&gt; name}}</c> takes a fragment that the renderer produced from another template
/// of the same format, inserted as it is. Substitution is a single pass: text inside values is never expanded again.
/// A placeholder with no value or fragment is an error (<see cref="TemplateException"/>), never an empty string.
/// </summary>
public sealed class EmailTemplate
{
    private readonly IReadOnlyList<Segment> _segments;

    private EmailTemplate(string name, TemplateFormat format, IReadOnlyList<Segment> segments)
    {
        Name = name;
        Format = format;
        _segments = segments;
    }

    public string Name { get; }

    public TemplateFormat Format { get; }

    /// <summary>Names of the value placeholders, in order of first appearance.</summary>
    public IEnumerable<string> Placeholders =>
        _segments.Where(s => s.Kind == SegmentKind.Value).Select(s => s.Text).Distinct(StringComparer.Ordinal);

    /// <summary>Names of the fragment placeholders, in order of first appearance.</summary>
    public IEnumerable<string> Fragments =>
        _segments.Where(s => s.Kind == SegmentKind.Fragment).Select(s => s.Text).Distinct(StringComparer.Ordinal);

    public static EmailTemplate Parse(string name, string text, TemplateFormat format)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<Segment>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                segments.Add(new Segment(SegmentKind.Literal, text[position..]));
                break;
            }

            if (open > position)
            {
                segments.Add(new Segment(SegmentKind.Literal, text[position..open]));
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new TemplateException($"Template '{name}': '{{{{' at {open} is not closed.");
            }

            var inner = text[(open + 2)..close].Trim();
            var kind = SegmentKind.Value;
            if (inner.StartsWith('>'))
            {
                kind = SegmentKind.Fragment;
                inner = inner[1..].Trim();
            }

            if (inner.Length == 0 || !inner.All(char.IsAsciiLetterOrDigit))
            {
                throw new TemplateException($"Template '{name}': bad placeholder '{text[open..(close + 2)]}'.");
            }

            segments.Add(new Segment(kind, inner));
            position = close + 2;
        }

        return new EmailTemplate(name, format, segments);
    }

    /// <summary>
    /// Fills the template. <paramref name="values"/> are encoded for <see cref="Format"/>; <paramref name="fragments"/>
    /// must be output of <see cref="Render"/> of templates of the same format.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? fragments = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder();
        foreach (var segment in _segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Literal:
                    output.Append(segment.Text);
                    break;
                case SegmentKind.Value:
                    if (!values.TryGetValue(segment.Text, out var value))
                    {
                        throw new TemplateException($"Template '{Name}': no value for placeholder '{{{{{segment.Text}}}}}'.");
                    }

                    output.Append(Format == TemplateFormat.Html ? WebUtility.HtmlEncode(value) : value);
                    break;
                default:
                    if (fragments is null || !fragments.TryGetValue(segment.Text, out var fragment))
                    {
                        throw new TemplateException($"Template '{Name}': no fragment for placeholder '{{{{> {segment.Text}}}}}'.");
                    }

                    output.Append(fragment);
                    break;
            }
        }

        return output.ToString();
    }

    private enum SegmentKind
    {
        Literal,
        Value,
        Fragment,
    }

    private sealed record Segment(SegmentKind Kind, string Text);
}

/// <summary>A template is malformed or was rendered without a value it names: a bug, not bad input.</summary>
public sealed class TemplateException(string message) : Exception(message);

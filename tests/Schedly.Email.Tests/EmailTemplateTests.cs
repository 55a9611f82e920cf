using Schedly.Core.Notifications;

namespace Schedly.Email.Tests;

public sealed class EmailTemplateTests
{
    private static readonly Dictionary<string, string> _noValues = [];

    [Fact]
    public void Render_UnknownPlaceholder_Throws()
    {
        var template = EmailTemplate.Parse("t.txt", "Hello {{name}} {{missing}}", TemplateFormat.Text);

        var exception = Assert.Throws<TemplateException>(() => template.Render(new Dictionary<string, string> { ["name"] = "x" }));

        Assert.Contains("missing", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownFragment_Throws()
    {
        var template = EmailTemplate.Parse("t.html", "<p>{{> body}}</p>", TemplateFormat.Html);

        Assert.Throws<TemplateException>(() => template.Render(_noValues));
    }

    [Theory]
    [InlineData("Hello {{name")]
    [InlineData("Hello {{na me}}")]
    [InlineData("Hello {{}}")]
    public void Parse_MalformedPlaceholder_Throws(string text)
    {
        Assert.Throws<TemplateException>(() => EmailTemplate.Parse("t.txt", text, TemplateFormat.Text));
    }

    [Fact]
    public void Render_HtmlTemplate_EncodesValuesButNotFragments()
    {
        var template = EmailTemplate.Parse("t.html", "<b>{{name}}</b>{{> extra}}", TemplateFormat.Html);

        var html = template.Render(
            new Dictionary<string, string> { ["name"] = "<script>\"&'" },
            new Dictionary<string, string> { ["extra"] = "<i>ok</i>" });

        Assert.Equal("<b>&lt;script&gt;&quot;&amp;&#39;</b><i>ok</i>", html);
    }

    [Fact]
    public void Render_TextTemplate_WritesValuesRaw()
    {
        var template = EmailTemplate.Parse("t.txt", "Hi {{name}}!", TemplateFormat.Text);

        Assert.Equal("Hi <b>Ada</b>!", template.Render(new Dictionary<string, string> { ["name"] = "<b>Ada</b>" }));
    }

    [Fact]
    public void Render_ValueContainingPlaceholderSyntax_IsNotExpandedAgain()
    {
        var template = EmailTemplate.Parse("t.txt", "{{a}}", TemplateFormat.Text);

        var text = template.Render(new Dictionary<string, string> { ["a"] = "{{b}}", ["b"] = "secret" });

        Assert.Equal("{{b}}", text);
    }

    [Fact]
    public void Embedded_EveryTemplate_ParsesWithKnownFormat()
    {
        Assert.NotEmpty(EmailTemplates.EmbeddedNames);
        foreach (var name in EmailTemplates.EmbeddedNames)
        {
            var template = EmailTemplates.Embedded.Get(name);
            Assert.Equal(name.EndsWith(".html", StringComparison.Ordinal) ? TemplateFormat.Html : TemplateFormat.Text, template.Format);
        }
    }
}

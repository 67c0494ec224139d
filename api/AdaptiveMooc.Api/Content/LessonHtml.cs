using Ganss.Xss;
using Markdig;

namespace AdaptiveMooc.Api.Content;

/// <summary>
/// A lesson's Markdown as HTML a reader's browser may show: Markdig renders it (raw HTML allowed, so trainers
/// can write a table or a figure), then HtmlSanitizer keeps only an allow-list of elements, attributes and
/// URL schemes. No script, style, event handler, form or <c>javascript:</c> link survives; the only frames
/// kept are the players of <see cref="VideoEmbed"/>'s hosts. Thread-safe: both are built once.
/// </summary>
public static class LessonHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .UseFootnotes()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("option");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedTags.Add("iframe");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("allowfullscreen");
        sanitizer.AllowedAttributes.Add("loading");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                if (element.LocalName == "iframe")
                {
                    if (!VideoEmbed.IsAllowedFrame(element.GetAttribute("src")))
                    {
                        element.Remove();
                        return;
                    }

                    element.SetAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation");
                    element.SetAttribute("referrerpolicy", "no-referrer");
                }
                else if (element.LocalName == "a" && element.HasAttribute("href"))
                {
                    element.SetAttribute("rel", "noopener noreferrer nofollow");
                }
            }
        };
        return sanitizer;
    }
}

namespace AdaptiveMooc.Api.Contracts;

/// <summary>Markdown to render as a lesson body would be (at most 200,000 characters).</summary>
public sealed record PreviewBody(string? Markdown);

namespace AdaptiveMooc.Api.Contracts;

/// <summary>The sanitised HTML a reader would see.</summary>
public sealed record PreviewResponse(string Html);

namespace AdaptiveMooc.Api.Media;

/// <param name="Created">False when the store held these bytes already (another upload, maybe of another course).</param>
public sealed record StoredMedia(string Id, string ContentType, long Size, bool Created);

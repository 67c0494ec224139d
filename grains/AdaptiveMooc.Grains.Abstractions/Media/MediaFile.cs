namespace AdaptiveMooc.Grains.Abstractions.Media;

/// <summary>One file uploaded to a course: its id is the SHA-256 of its bytes; <see cref="ContentType"/> was read from those bytes.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.MediaFile")]
public sealed record MediaFile(
    [property: Id(0)] string Id,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long Size,
    [property: Id(3)] string FileName,
    [property: Id(4)] string UploadedBy,
    [property: Id(5)] DateTimeOffset UploadedAt);

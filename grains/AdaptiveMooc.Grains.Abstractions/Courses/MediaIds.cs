namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>A media id is the SHA-256 of the file's bytes, as 64 lowercase hex digits (content-addressed).</summary>
public static class MediaIds
{
    public const int Length = 64;

    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

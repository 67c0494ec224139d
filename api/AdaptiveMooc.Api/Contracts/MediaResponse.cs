using AdaptiveMooc.Grains.Abstractions.Media;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>One uploaded file of a course; <see cref="Id"/> is the SHA-256 of its bytes.</summary>
public sealed record MediaResponse(string Id, string ContentType, long Size, string FileName, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static MediaResponse From(MediaFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new MediaResponse(file.Id, file.ContentType, file.Size, file.FileName, file.UploadedBy, file.UploadedAt);
    }
}

namespace AdaptiveMooc.Api.Media;

/// <summary>An upload the store refused; <see cref="TooLarge"/> maps to 413, anything else to 400 naming <c>file</c>.</summary>
public sealed class MediaRejectedException(string message, bool tooLarge = false) : Exception(message)
{
    public bool TooLarge { get; } = tooLarge;
}

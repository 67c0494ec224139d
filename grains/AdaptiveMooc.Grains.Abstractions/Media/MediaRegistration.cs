namespace AdaptiveMooc.Grains.Abstractions.Media;

/// <summary>The answer to registering an uploaded file with its course.</summary>
[GenerateSerializer]
[Alias("mooc.MediaRegistration")]
public enum MediaRegistration
{
    /// <summary>New to the course.</summary>
    Added,

    /// <summary>The course already held these bytes; nothing changed.</summary>
    AlreadyPresent,

    /// <summary>The course's byte or file limit would be exceeded; nothing changed.</summary>
    OverCourseLimit,
}

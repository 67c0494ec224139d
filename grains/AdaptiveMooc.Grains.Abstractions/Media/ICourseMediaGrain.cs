using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Media;

/// <summary>
/// The index of a course's uploaded files, keyed by course id: which content-addressed files belong to the
/// course and how many bytes they take. Bounded by the course limits, so its state never outgrows them.
/// </summary>
[Alias("mooc.ICourseMediaGrain")]
public interface ICourseMediaGrain : IGrainWithStringKey
{
    /// <summary>Adds the file unless it is there already or the course would exceed <paramref name="limits"/>; durable before it answers.</summary>
    [Alias("Register")]
    Task<MediaRegistration> Register(MediaFile file, MediaLimits limits);

    [ReadOnly]
    [Alias("Get")]
    Task<MediaFile?> Get(string mediaId);

    /// <summary>Every file of the course, newest first.</summary>
    [ReadOnly]
    [Alias("List")]
    Task<IReadOnlyList<MediaFile>> List();

    /// <summary>Bytes the course's files take.</summary>
    [ReadOnly]
    [Alias("UsedBytes")]
    Task<long> UsedBytes();
}

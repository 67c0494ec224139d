using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>
/// One published version of a course, keyed <c>{courseId}/{version}</c> (<see cref="Key"/>): written once when
/// the course grain publishes it, never changed afterwards.
/// </summary>
[Alias("mooc.ICourseVersionGrain")]
public interface ICourseVersionGrain : IGrainWithStringKey
{
    /// <summary>Stores the version; true when stored now or already stored with the same definition, false when another definition holds this number.</summary>
    [Alias("Keep")]
    Task<bool> Keep(CourseDefinition definition, DateTimeOffset publishedAt);

    [ReadOnly]
    [Alias("Get")]
    Task<CourseVersion?> Get();

    public static string Key(string courseId, int version) => $"{courseId}/{version}";
}

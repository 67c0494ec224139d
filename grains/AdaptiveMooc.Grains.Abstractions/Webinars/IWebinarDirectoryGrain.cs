using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Webinars;

/// <summary>Read-only listings over the webinar read model (any key; a stateless worker).</summary>
[Alias("mooc.webinar.IWebinarDirectoryGrain")]
public interface IWebinarDirectoryGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    [Alias("ListForCourse")]
    Task<WebinarPage> ListForCourseAsync(string courseId, string? after, int limit);

    /// <summary>Webinars the learner registered for, by start time; those ended before <paramref name="from"/> are left out.</summary>
    [ReadOnly]
    [Alias("ListForLearner")]
    Task<WebinarPage> ListForLearnerAsync(string learnerId, DateTimeOffset? from, string? after, int limit);
}

using AdaptiveMooc.Grains.Abstractions.Webinars;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Webinars;

[StatelessWorker]
[GrainType("webinar-directory")]
internal sealed class WebinarDirectoryGrain(IWebinarStore store) : Grain, IWebinarDirectoryGrain
{
    public Task<WebinarPage> ListForCourseAsync(string courseId, string? after, int limit) =>
        store.ListForCourseAsync(courseId, after, limit);

    public Task<WebinarPage> ListForLearnerAsync(string learnerId, DateTimeOffset? from, string? after, int limit) =>
        store.ListForLearnerAsync(learnerId, from, after, limit);
}

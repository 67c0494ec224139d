using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Webinars;

/// <summary>
/// One webinar or live lecture, keyed by <see cref="WebinarKeys.Webinar"/>. The grain is the only writer
/// of its registrations, one call at a time, which is what makes the capacity exact under concurrency.
/// </summary>
[Alias("mooc.webinar.IWebinarGrain")]
public interface IWebinarGrain : IGrainWithStringKey
{
    [Alias("Schedule")]
    Task<WebinarResult> ScheduleAsync(WebinarDefinition definition);

    [ReadOnly]
    [Alias("Get")]
    Task<WebinarView?> GetAsync();

    [Alias("Register")]
    Task<WebinarResult> RegisterAsync(string learnerId);

    [ReadOnly]
    [Alias("IsRegistered")]
    Task<bool> IsRegisteredAsync(string learnerId);

    /// <summary>
    /// Records that a registered learner attended, as an <c>attended</c> statement timestamped at the
    /// webinar's start (so recording twice sends the same statement). Not before the webinar starts.
    /// </summary>
    [Alias("RecordAttendance")]
    Task<WebinarResult> RecordAttendanceAsync(string learnerId);
}

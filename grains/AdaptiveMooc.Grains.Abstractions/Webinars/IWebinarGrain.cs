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
    /// Who registered, oldest first, with their attendance; null when the webinar does not exist. Bounded by the
    /// capacity (at most <see cref="WebinarLimits.MaxCapacity"/> rows).
    /// </summary>
    [ReadOnly]
    [Alias("ListRegistrations")]
    Task<IReadOnlyList<WebinarRegistrationView>?> ListRegistrationsAsync();

    /// <summary>
    /// Records that a registered learner attended, as an <c>attended</c> statement timestamped at the
    /// webinar's start (so recording twice sends the same statement). Not before the webinar starts.
    /// </summary>
    [Alias("RecordAttendance")]
    Task<WebinarResult> RecordAttendanceAsync(string learnerId);
}

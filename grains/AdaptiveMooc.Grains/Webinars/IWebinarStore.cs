using AdaptiveMooc.Grains.Abstractions.Webinars;

namespace AdaptiveMooc.Grains.Webinars;

/// <summary>
/// Webinar rows (the read model of the listings) and registrations (append-only, one per learner and
/// webinar). Only <see cref="WebinarGrain"/> writes, each its own webinar's rows.
/// </summary>
internal interface IWebinarStore
{
    Task SaveWebinarAsync(WebinarView webinar);

    Task<int> CountRegistrationsAsync(Guid webinarId);

    /// <summary>False when the learner is already registered.</summary>
    Task<bool> TryRegisterAsync(string courseId, Guid webinarId, string learnerId, DateTimeOffset at);

    Task<bool> IsRegisteredAsync(Guid webinarId, string learnerId);

    /// <summary>The webinar's registrations, oldest first (then by learner id).</summary>
    Task<IReadOnlyList<WebinarRegistrationView>> ListRegistrationsAsync(Guid webinarId);

    /// <summary>Sets the attendance time once; false when the learner is not registered.</summary>
    Task<bool> MarkAttendedAsync(Guid webinarId, string learnerId, DateTimeOffset at);

    Task<WebinarPage> ListForCourseAsync(string courseId, string? after, int limit);

    Task<WebinarPage> ListForLearnerAsync(string learnerId, DateTimeOffset? from, string? after, int limit);
}

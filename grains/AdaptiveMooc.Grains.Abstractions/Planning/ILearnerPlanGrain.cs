using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Planning;

/// <summary>
/// One learner's plan across all their active enrolments, keyed by learner id. It keeps the plan (and a
/// bounded history of recent sessions with their status), replans when its inputs change, and while the
/// learner has work left a durable reminder watches the sessions: missed ones are marked and replanned,
/// and the learner is notified (session reminders, missed sessions, inactivity) without any request.
/// </summary>
[Alias("mooc.ILearnerPlanGrain")]
public interface ILearnerPlanGrain : IGrainWithStringKey
{
    /// <summary>Null when the learner does not exist.</summary>
    [Alias("GetPlan")]
    Task<LearnerPlan?> GetPlan(int weeks);

    /// <summary>The plan those changes would give, saving nothing. Null when the learner does not exist. A course
    /// that does not exist is left out (the API answers 400 for it before asking).</summary>
    [ReadOnly]
    [Alias("WhatIf")]
    Task<LearnerPlan?> WhatIf(PlanWhatIf change, int weeks);

    /// <summary>The course's share of the learner's plan, in the per-course plan's shape. Null when the learner
    /// does not exist or has neither an enrolment in nor activity about the course.</summary>
    [Alias("GetCoursePlan")]
    Task<LearningPlan?> GetCoursePlan(string courseId, int weeks);

    /// <summary>Availability, time zone, an enrolment or a target date changed: replan now.</summary>
    [OneWay]
    [Alias("InputsChanged")]
    Task InputsChanged();

    /// <summary>A new private calendar feed token (the previous one stops working). Null when the learner does not exist.</summary>
    [Alias("OpenCalendarFeed")]
    Task<string?> OpenCalendarFeed();

    /// <summary>Revokes the calendar feed; false when there was none.</summary>
    [Alias("RevokeCalendarFeed")]
    Task<bool> RevokeCalendarFeed();
}

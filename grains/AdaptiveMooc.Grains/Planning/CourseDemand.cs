namespace AdaptiveMooc.Grains.Planning;

/// <summary>One active enrolment as the learner planner sees it: the work left and what is at stake.</summary>
/// <param name="CourseId">The course.</param>
/// <param name="Remaining">Required lessons not completed, sized by the pacing model.</param>
/// <param name="TargetDate">The enrolment's target date (local date), if any.</param>
/// <param name="DropoutRisk">The withdrawal model's risk for this learner in this course (0-1), null when unknown.</param>
/// <param name="ReviewsDue">Learned skills whose estimated recall fell below the review threshold.</param>
/// <param name="ReviewSkills">Skills whose mastery decayed below the threshold (most decayed first): each
/// becomes a short review session (<see cref="LearnerPlanner.ReviewMinutes"/>) ahead of the course's lessons.</param>
/// <param name="WebinarsBooked">Webinars of this course the learner registered for, still ahead within <see cref="LearnerPlanner.WebinarLookAhead"/>.</param>
internal sealed record CourseDemand(
    string CourseId,
    IReadOnlyList<PlanLesson> Remaining,
    DateOnly? TargetDate,
    double? DropoutRisk = null,
    int ReviewsDue = 0,
    int WebinarsBooked = 0,
    IReadOnlyList<string>? ReviewSkills = null);

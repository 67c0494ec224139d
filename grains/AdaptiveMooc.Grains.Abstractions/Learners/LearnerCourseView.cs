using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>
/// Everything recommendations and plans read from the learner grain about one course, in one call
/// (instead of four: profile, progress, enrolments, model view).
/// </summary>
/// <remarks>
/// <see cref="ImmutableAttribute"/>: the learner grain builds a new view for each call and never touches
/// it again, so a call inside the silo hands it over without Orleans' deep copy.
/// </remarks>
[GenerateSerializer]
[Immutable]
[Alias("mooc.LearnerCourseView")]
public sealed record LearnerCourseView(
    [property: Id(0)] LearnerProfile Profile,
    [property: Id(1)] CourseProgress Progress,
    [property: Id(2)] Enrolment? Enrolment,
    [property: Id(3)] LearnerModelView? Model);

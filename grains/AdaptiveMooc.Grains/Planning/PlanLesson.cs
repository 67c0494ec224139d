namespace AdaptiveMooc.Grains.Planning;

/// <summary>A lesson still to be done, sized by the pacing model's prediction for this learner.</summary>
/// <param name="Id">Lesson id.</param>
/// <param name="Minutes">Predicted minutes for this learner (at least 1 is used).</param>
/// <param name="Prerequisites">Lesson ids that must be finished first; completed or unknown ids are satisfied.</param>
/// <param name="Due">When the lesson is due, if it has a due day.</param>
/// <param name="CourseOrder">Position in the course (modules then lessons), the last tie-break.</param>
internal sealed record PlanLesson(
    string Id,
    int Minutes,
    IReadOnlyList<string> Prerequisites,
    DateTimeOffset? Due,
    int CourseOrder);

using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// The statements the platform has stored, as learning events ordered by course, learner and
/// timestamp. The platform's implementation reads the append-only <c>xapi_statements</c> table
/// (silo migration 0010); tests can pass events from memory.
/// </summary>
public interface IStatementSource
{
    IAsyncEnumerable<LearningEvent> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The weekly study hours learners declared at enrolment, by (course, learner); empty when the
    /// source keeps no enrolments (the risk features then see them as undeclared).
    /// </summary>
    Task<IReadOnlyDictionary<(string CourseId, string LearnerId), double>> DeclaredStudyHoursAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<(string CourseId, string LearnerId), double>>(new Dictionary<(string, string), double>());
}

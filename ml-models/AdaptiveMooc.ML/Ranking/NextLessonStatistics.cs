namespace AdaptiveMooc.ML.Ranking;

/// <summary>Which rows the course aggregates of a next-lesson case are built from (<see cref="NextLessonProtocol"/>).</summary>
public enum NextLessonStatistics
{
    /// <summary>Only rows dated before the case's day, of every learner: what serving has (the default).</summary>
    TimeOrdered,

    /// <summary>Every row that is not held out, whatever its day (the protocol's first version).</summary>
    Pooled,
}

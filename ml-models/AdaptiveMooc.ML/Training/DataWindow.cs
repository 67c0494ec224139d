namespace AdaptiveMooc.ML.Training;

/// <summary>
/// The time split of one model: training examples are made from statements before <see cref="Cutoff"/>
/// (labels as known then); test examples are the ones predicted at or after it, labelled from the whole log
/// up to <see cref="To"/>.
/// </summary>
public sealed record DataWindow(DateTimeOffset From, DateTimeOffset Cutoff, DateTimeOffset To, int TrainExamples, int TestExamples);

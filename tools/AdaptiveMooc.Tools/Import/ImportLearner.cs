using System.Globalization;
using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.Tools.Import;

/// <summary>A registration as the platform receives it: enrolment day and, when unregistered, withdrawal day.</summary>
internal sealed record ImportLearner(OuladRegistration Registration, int EnrolledDay, int? WithdrawnDay)
{
    public string LearnerId => IdOf(Registration.StudentId);

    /// <summary>Prefixed so that imported students never collide with the platform's own learners.</summary>
    public static string IdOf(int studentId) => "oulad-" + studentId.ToString(CultureInfo.InvariantCulture);
}

using System.ComponentModel.DataAnnotations;
using Schedly.Core.Security;

namespace Schedly.Functions.Composition;

/// <summary>
/// Bound from <c>Schedly:Security</c> (app setting <c>Schedly__Security__OperatorKey</c>).
/// The operator key is required; the local runner generates one when it is empty. In Azure it is a
/// Key Vault reference.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Schedly:Security";

    /// <summary>The operator's bearer key: at least 32 characters of randomness.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Schedly:Security:OperatorKey is required (the operator's bearer key).")]
    [MinLength(Core.Security.OperatorKey.MinLength, ErrorMessage = "Schedly:Security:OperatorKey must be at least 32 characters.")]
    public string OperatorKey { get; set; } = "";

    /// <summary>
    /// The secret manage tokens are derived from (HMAC), so emails can carry manage links: at least
    /// 32 characters of randomness. Keep it stable: links in sent emails depend on it.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Schedly:Security:ManageTokenSecret is required (derives booking manage tokens).")]
    [MinLength(ManageTokenIssuer.MinSecretLength, ErrorMessage = "Schedly:Security:ManageTokenSecret must be at least 32 characters.")]
    public string ManageTokenSecret { get; set; } = "";
}

using System.Text.Json.Nodes;
using Schedly.Deployment.Tests.Infrastructure;

namespace Schedly.Deployment.Tests.Templates;

/// <summary>The resources infra/main.bicep declares, read from the compiled ARM JSON.</summary>
public sealed class InfraResourcesTests(CompiledTemplateFixture template) : IClassFixture<CompiledTemplateFixture>
{
    private const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    private const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    private const string StorageAccountContributor = "17d1049b-9a84-46fb-8f53-869881c3d3ab";

    [Fact]
    public void StorageAccount_Access_IsEntraOnly()
    {
        var properties = Properties(Assert.Single(template.ResourcesOfType("Microsoft.Storage/storageAccounts")));

        Assert.False(properties["allowSharedKeyAccess"]?.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]?.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]?.GetValue<string>());
    }

    [Fact]
    public void StorageAccount_DeploymentAndPrivatePhotoContainers_AreDeclared()
    {
        var containers = template.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.Equal(2, containers.Count);
        var names = containers.Select(c => c["name"]?.ToJsonString() ?? "").ToList();
        Assert.Contains(names, n => n.Contains("hostphotos", StringComparison.Ordinal));
        Assert.All(containers, c => Assert.Equal("None", Properties(c)["publicAccess"]?.GetValue<string>()));
    }

    [Fact]
    public void FunctionApp_Plan_IsFlexConsumption()
    {
        var plan = Assert.Single(template.ResourcesOfType("Microsoft.Web/serverfarms"));

        Assert.Equal("FC1", plan["sku"]?["name"]?.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku"]?["tier"]?.GetValue<string>());
        Assert.True(Properties(plan)["reserved"]?.GetValue<bool>());
    }

    [Fact]
    public void FunctionApp_Runtime_IsDotnetIsolated10()
    {
        var config = Properties(FunctionApp())["functionAppConfig"]?.AsObject() ?? throw new InvalidOperationException("No functionAppConfig.");

        Assert.Equal("dotnet-isolated", config["runtime"]?["name"]?.GetValue<string>());
        Assert.Equal("10.0", config["runtime"]?["version"]?.GetValue<string>());
        Assert.Equal("blobContainer", config["deployment"]?["storage"]?["type"]?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", config["deployment"]?["storage"]?["authentication"]?["type"]?.GetValue<string>());
    }

    [Fact]
    public void FunctionApp_Identity_IsUserAssignedAndResolvesKeyVaultReferences()
    {
        var app = FunctionApp();

        Assert.Equal("UserAssigned", app["identity"]?["type"]?.GetValue<string>());
        Assert.Contains("identityId", Properties(app)["keyVaultReferenceIdentity"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Properties(app)["httpsOnly"]?.GetValue<bool>());
    }

    [Fact]
    public void FunctionApp_Tags_NameTheAzdService()
    {
        Assert.Contains("'azd-service-name'", FunctionApp()["tags"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void KeyVault_Authorization_IsRbac()
    {
        var vault = Assert.Single(template.ResourcesOfType("Microsoft.KeyVault/vaults"));

        Assert.True(Properties(vault)["enableRbacAuthorization"]?.GetValue<bool>());
        var secrets = template.ResourcesOfType("Microsoft.KeyVault/vaults/secrets").ToList();
        Assert.Equal(4, secrets.Count); // operator key, manage-token secret, and the Stripe key and webhook secret when given
        Assert.Equal(2, secrets.Count(s => s["condition"] is not null)); // the Stripe ones: only with a Stripe key
    }

    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabled()
    {
        var component = Assert.Single(template.ResourcesOfType("Microsoft.Insights/components"));

        Assert.True(Properties(component)["DisableLocalAuth"]?.GetValue<bool>());
        Assert.Single(template.ResourcesOfType("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void Email_Domain_IsAzureManagedAndLinked()
    {
        var domain = Assert.Single(template.ResourcesOfType("Microsoft.Communication/emailServices/domains"));
        var acs = Assert.Single(template.ResourcesOfType("Microsoft.Communication/communicationServices"));

        Assert.Equal("AzureManaged", Properties(domain)["domainManagement"]?.GetValue<string>());
        Assert.Single(Properties(acs)["linkedDomains"]?.AsArray() ?? []);
    }

    [Fact]
    public void RoleAssignments_Roles_AreExactlyTheDataRolesTheAppNeeds()
    {
        var roles = Assert.Single(
            template.ResourcesOfType("Microsoft.Resources/deployments")
                .Select(d => d["properties"]?["template"]?["variables"]?["roles"])
                .OfType<JsonObject>());

        var ids = roles.Select(r => r.Value?.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
                "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
                "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            },
            ids);
        Assert.DoesNotContain(Contributor, template.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Owner, template.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(StorageAccountContributor, template.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EmailRole_IsACustomRoleWithOnlyTheTwoSendActions_AssignedOnTheCommunicationService()
    {
        var definition = Assert.Single(template.ResourcesOfType("Microsoft.Authorization/roleDefinitions"));
        var permissions = Assert.Single(Properties(definition)["permissions"]?.AsArray() ?? []);
        var actions = Assert.Single(template.ResourcesOfType("Microsoft.Resources/deployments")
            .Select(d => d["properties"]?["template"]?["variables"]?["emailSenderActions"])
            .OfType<JsonArray>());

        Assert.Equal("CustomRole", Properties(definition)["type"]?.GetValue<string>());
        Assert.Equal("[variables('emailSenderActions')]", permissions?["actions"]?.GetValue<string>());
        Assert.Equal(
            ["Microsoft.Communication/CommunicationServices/Read", "Microsoft.Communication/EmailServices/write"],
            actions.Select(a => a!.GetValue<string>()).ToArray());
        Assert.DoesNotContain("09976791-48a7-449e-bb21-39d1a415f350", template.Json, StringComparison.OrdinalIgnoreCase); // Communication and Email Service Owner
        var assignment = Assert.Single(template.ResourcesOfType("Microsoft.Authorization/roleAssignments"),
            a => a["scope"]?.GetValue<string>().Contains("Microsoft.Communication/communicationServices", StringComparison.Ordinal) == true);
        Assert.Contains("schedly-email-sender", Properties(assignment)["roleDefinitionId"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretReaders_AreScopedToSecrets_TheDeployerReadsOnlyTheOperatorKey()
    {
        var secretScoped = template.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a["scope"]?.GetValue<string>().Contains("Microsoft.KeyVault", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Equal(4, secretScoped.Count); // the app: operator key, manage-token secret, Stripe secrets (one per secret given); the deployer: operator key
        Assert.All(secretScoped, a => Assert.StartsWith("[resourceId('Microsoft.KeyVault/vaults/secrets'", a["scope"]?.GetValue<string>(), StringComparison.Ordinal));
        var deployer = Assert.Single(secretScoped, a => Properties(a)["principalId"]?.GetValue<string>() == "[parameters('userPrincipalId')]");
        Assert.Contains("parameters('operatorKeySecretName')", deployer["scope"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("manageTokenSecretName", deployer.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("stripe", deployer.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void KeyVault_PurgeProtection_IsAParameterOffByDefault()
    {
        var parameters = template.Template["parameters"]?.AsObject() ?? throw new InvalidOperationException("No parameters.");
        var vault = Assert.Single(template.ResourcesOfType("Microsoft.KeyVault/vaults"));

        Assert.Equal("bool", parameters["keyVaultPurgeProtection"]?["type"]?.GetValue<string>());
        Assert.False(parameters["keyVaultPurgeProtection"]?["defaultValue"]?.GetValue<bool>());
        Assert.Contains("enablePurgeProtection", Properties(vault)["enablePurgeProtection"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_Each_IsScopedToOneResource()
    {
        var assignments = template.ResourcesOfType("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith("[resourceId(", a["scope"]?.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Outputs_Main_NameWhatAzdReads()
    {
        var outputs = template.Template["outputs"]?.AsObject() ?? throw new InvalidOperationException("No outputs.");

        foreach (var name in new[]
        {
            "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "RESOURCE_GROUP", "SERVICE_API_NAME",
            "SERVICE_API_URI", "AZURE_FUNCTION_APP_NAME", "AZURE_KEY_VAULT_NAME", "SCHEDLY_OPERATOR_KEY_SECRET_NAME",
        })
        {
            Assert.True(outputs.ContainsKey(name), $"Output {name} is missing.");
        }
    }

    [Fact]
    public void Outputs_Anywhere_CarryNoSecret()
    {
        var outputs = template.ResourcesOfType("Microsoft.Resources/deployments")
            .Select(d => d["properties"]?["template"]?["outputs"])
            .Append(template.Template["outputs"])
            .OfType<JsonObject>()
            .SelectMany(o => o)
            .ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            var type = output.Value?["type"]?.GetValue<string>() ?? "";
            var value = output.Value?["value"]?.ToJsonString() ?? "";
            Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"Output {output.Key} is {type}.");
            Assert.DoesNotContain("operatorKey')", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("OperatorKey')", value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void OperatorKey_Parameters_AreSecureAndGeneratedByDefault()
    {
        var parameters = template.Template["parameters"]?.AsObject() ?? throw new InvalidOperationException("No parameters.");

        Assert.Equal("securestring", parameters["operatorKey"]?["type"]?.GetValue<string>());
        Assert.Equal("securestring", parameters["generatedOperatorKey"]?["type"]?.GetValue<string>());
        Assert.Equal("[format('{0}{1}', newGuid(), newGuid())]", parameters["generatedOperatorKey"]?["defaultValue"]?.GetValue<string>());
    }

    private JsonObject FunctionApp() => Assert.Single(template.ResourcesOfType("Microsoft.Web/sites"));

    private static JsonObject Properties(JsonObject resource) =>
        resource["properties"]?.AsObject() ?? throw new InvalidOperationException($"{resource["type"]} has no properties.");
}

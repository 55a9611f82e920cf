// The Schedly Functions app on the Flex Consumption plan (.NET 10 isolated worker), running as the
// user-assigned identity. Every app setting is here; none holds a key or connection string.
@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Location of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('The azd service name in azure.yaml; azd finds the app by this tag.')
param serviceName string = 'api'

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Name of the storage account behind AzureWebJobsStorage.')
param storageAccountName string

@description('Blob endpoint of that storage account (https://<account>.blob.core.windows.net/).')
param storageBlobEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string (not a secret: local auth is disabled on the component).')
param applicationInsightsConnectionString string

@description('Origins allowed to call the API from a browser besides the app itself (to host the pages elsewhere).')
param corsAllowedOrigins array = []

@description('Versioned URI of the Key Vault secret holding the operator key.')
param operatorKeySecretUri string

@description('Versioned URI of the Key Vault secret holding the manage-token secret.')
param manageTokenSecretUri string

@description('Versioned URI of the Key Vault secret holding the Stripe secret key; empty: payments off.')
param stripeKeySecretUri string = ''

@description('Versioned URI of the Key Vault secret holding the Stripe webhook signing secret.')
param stripeWebhookSecretUri string = ''

@description('ACS endpoint, https://<name>.<geo>.communication.azure.com.')
param emailEndpoint string

@description('Sender address on the verified email domain.')
param emailSender string

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // The pages are served same-origin; list other origins here to host them elsewhere.
      cors: {
        allowedOrigins: corsAllowedOrigins
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption sets the worker runtime and host version from functionAppConfig:
  // FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION must not be app settings.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Storage by identity, never a connection string: the Functions host and Schedly's own
      // clients (StorageConfiguration) read the same AzureWebJobsStorage__* settings.
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // Telemetry with Entra ID auth (the component has local auth disabled).
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // The operator key stays in Key Vault; the platform resolves it with keyVaultReferenceIdentity.
      Schedly__Security__OperatorKey: '@Microsoft.KeyVault(SecretUri=${operatorKeySecretUri})'
      Schedly__Security__ManageTokenSecret: '@Microsoft.KeyVault(SecretUri=${manageTokenSecretUri})'
      // Payments (docs/PAYMENTS.md): Key Vault references when a Stripe key was given, else empty (payments off).
      Schedly__Payments__StripeSecretKey: empty(stripeKeySecretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${stripeKeySecretUri})'
      Schedly__Payments__StripeWebhookSecret: empty(stripeWebhookSecretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${stripeWebhookSecretUri})'
      Schedly__Email__Provider: 'AzureCommunicationServices'
      // Bound to EmailOptions (core/Schedly.Email): sender, ACS endpoint, identity for Entra ID auth.
      Schedly__Email__FromAddress: emailSender
      Schedly__Email__AzureCommunicationServices__Endpoint: emailEndpoint
      Schedly__Email__AzureCommunicationServices__ClientId: identityClientId
      Schedly__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
      // Rate limits of the public routes (RateLimitOptions, docs/SECURITY.md "Abuse"). The platform's front end sets
      // X-Forwarded-For, so the client address is its last entry; the connection itself comes from the front end.
      Schedly__RateLimits__TrustForwardedFor: 'true'
      Schedly__RateLimits__WritesPerClient: '10'
      Schedly__RateLimits__WritesPerHost: '60'
      Schedly__RateLimits__SlotQueriesPerClient: '120'
      Schedly__RateLimits__SlotQueriesPerHost: '1200'
      // Caps (CapOptions): upcoming bookings per client email per host, webhook endpoints per host.
      Schedly__Caps__ActiveBookingsPerClient: '3'
      Schedly__Caps__WebhooksPerHost: '10'
      // Proof of work on the booking form (ProofOfWorkOptions): an ALTCHA challenge solved in the browser per booking.
      Schedly__ProofOfWork__Enabled: 'true'
      Schedly__ProofOfWork__MaxNumber: '100000'
      Schedly__ProofOfWork__ExpirySeconds: '600'
      // `/` is the app's own landing page (ServePage.LandingPage), never the platform's placeholder.
      AzureWebJobsDisableHomepage: 'true'
      // NCRONTAB schedule of the reminder timer (%ReminderSchedule%).
      ReminderSchedule: '0 */1 * * * *'
    }
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
output planName string = plan.name

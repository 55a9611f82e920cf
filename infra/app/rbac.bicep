// Every role the app's managed identity holds, each scoped to the one resource it is for.
// Built-in role definition ids (stable across tenants):
//   Storage Blob Data Owner               b7e6dc6d-f1e8-4753-8033-0f276bb0955b  Functions host blobs, deployment container, hosts' photos
//   Storage Table Data Contributor        0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3  Schedly tables
//   Storage Queue Data Contributor        974c5e8b-45b9-4653-ba55-5f855dd0fb88  Schedly queues (and the host's queue triggers)
//   Key Vault Secrets User                4633458b-17de-408a-b874-0445c86b69e6  read a secret, each assignment scoped to one secret:
//                                                                               the app: the operator key and the manage-token secret
//                                                                               (Key Vault references); the deployer: the operator key only
//   Monitoring Metrics Publisher          3913510d-42f4-4e42-8a64-420c390055eb  Entra-authenticated telemetry to App Insights
//   Schedly Email Sender (custom, below)                                        send email through ACS and nothing else: the two actions
//                                                                               ACS checks for a send with an Entra token (see docs/DEPLOY.md)
@description('Name of the storage account.')
param storageAccountName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Name of the Key Vault.')
param keyVaultName string

@description('Name of the Communication Services resource.')
param communicationServiceName string

@description('Name of the Key Vault secret holding the operator key (the deployer may read it).')
param operatorKeySecretName string

@description('Name of the Key Vault secret holding the manage-token secret (only the app reads it).')
param manageTokenSecretName string

@description('Names of the Key Vault secrets holding the Stripe key and webhook secret (only the app reads them); empty when payments are off.')
param stripeSecretNames array = []

@description('Name of the app\'s user-assigned managed identity: known before deployment, so it names the assignments.')
param identityName string

@description('Principal (object) id of that identity.')
param identityPrincipalId string

@description('Optional principal id of the person (or pipeline) running azd, allowed to read the operator key. Empty: none.')
param userPrincipalId string = ''

@description('Type of userPrincipalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param userPrincipalType string = 'User'

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// What sending one email through ACS with an Entra token needs, and nothing more: no keys, no domains, no senders.
var emailSenderActions = [
  'Microsoft.Communication/CommunicationServices/Read'
  'Microsoft.Communication/EmailServices/write'
]

var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageTableDataContributor
  roles.storageQueueDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName

  resource operatorKeySecret 'secrets' existing = {
    name: operatorKeySecretName
  }

  resource manageTokenSecret 'secrets' existing = {
    name: manageTokenSecretName
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' existing = {
  name: communicationServiceName
}

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, identityName, roleId)
    scope: storage
    properties: {
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource appOperatorKeyReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault::operatorKeySecret.id, identityName, roles.keyVaultSecretsUser)
  scope: vault::operatorKeySecret
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource appManageTokenSecretReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault::manageTokenSecret.id, identityName, roles.keyVaultSecretsUser)
  scope: vault::manageTokenSecret
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource stripeSecrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' existing = [
  for secretName in stripeSecretNames: {
    parent: vault
    name: secretName
  }
]

resource appStripeSecretReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (secretName, i) in stripeSecretNames: {
    name: guid(vault.id, secretName, identityName, roles.keyVaultSecretsUser)
    scope: stripeSecrets[i]
    properties: {
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    }
  }
]

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityName, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource emailSenderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'schedly-email-sender')
  properties: {
    roleName: 'Schedly Email Sender (${resourceGroup().name})'
    description: 'Send email through Azure Communication Services: read the resource and call Send. Nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: emailSenderActions
        notActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource emailSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, identityName, emailSenderRole.id)
  scope: communicationService
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: emailSenderRole.id
  }
}

// The deployer reads the operator key (to call the admin API), never the manage-token secret.
resource userSecretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(vault::operatorKeySecret.id, userPrincipalId, roles.keyVaultSecretsUser)
  scope: vault::operatorKeySecret
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

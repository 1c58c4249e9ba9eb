#!/usr/bin/env python3
"""Seed a small, deliberately imperfect AWS account into a moto server (boto3 only).

The account belongs to "Kestrel Works", an imaginary smart-factory company: a few people, a
couple of machine users feeding the MES and the PLC gateway, telemetry and firmware buckets, one
trail, one Config recorder and two KMS keys. Every piece says in a comment which posture policy
(CIS AWS Foundations v5.0 control, or finding) it is meant to trigger or to pass.

    scripts/seed-demo-account.py --endpoint-url http://127.0.0.1:5000 [--clock-file PATH]

It is meant for a fresh moto server (`moto_server`, started with
MOTO_IAM_LOAD_MANAGED_POLICIES=true so that AWS managed policies such as AdministratorAccess
exist); scripts/make-demo-snapshot.sh starts one, runs this, and exports the result.

--clock-file: moto stamps everything with its own clock. make-demo-snapshot.sh runs moto with a
frozen clock that reads this file before every request; the seed writes a date into it before
each phase, so that keys are old, users were created years ago, and so on. Without it
everything is created "now".

Names are fixed (no random suffixes) so the exported bundle is reproducible. Nothing here is a
real credential: the account is moto's 123456789012 and the passwords are throwaway strings.
"""

from __future__ import annotations

import argparse
import json
import sys

import boto3
from botocore.config import Config

ACCOUNT = "123456789012"
HOME = "us-east-1"
OTHER = "eu-west-1"
PARTNER_ACCOUNT = "210987654321"  # the OT vendor's account (cross-account role)

# Phases of the account's life (moto's clock is moved to these when --clock-file is given).
T_BOOTSTRAP = "2023-03-14T08:30:00Z"  # account set up; first admins, legacy integrations
T_LEGACY_USE = "2024-02-19T03:15:00Z"  # last time the legacy ETL key was used
T_TEAM = "2025-09-01T09:00:00Z"  # developers and an analyst join
T_PLATFORM = "2026-01-12T10:00:00Z"  # data platform: buckets, trail, Config, KMS, roles
T_RECENT = "2026-02-27T14:00:00Z"  # recent activity with the current keys
T_COLLECT = "2026-03-02T09:00:00Z"  # when the snapshot is exported (make-demo-snapshot.sh)


def doc(statements: list[dict] | dict) -> str:
    if isinstance(statements, dict):
        statements = [statements]
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


class Seeder:
    def __init__(self, endpoint: str, clock_file: str | None) -> None:
        self.endpoint = endpoint
        self.clock_file = clock_file
        self.session = boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name=HOME
        )
        self.cfg = Config(retries={"max_attempts": 2, "mode": "standard"})

    def client(self, service: str, region: str = HOME, creds: dict | None = None):
        kwargs = {}
        if creds:
            kwargs = {
                "aws_access_key_id": creds["AccessKeyId"],
                "aws_secret_access_key": creds["SecretAccessKey"],
            }
        return self.session.client(
            service, region_name=region, endpoint_url=self.endpoint, config=self.cfg, **kwargs
        )

    def at(self, when: str) -> None:
        if self.clock_file:
            with open(self.clock_file, "w", encoding="utf-8") as f:
                f.write(when + "\n")
        print(f"seed: {when}", file=sys.stderr)

    # ------------------------------------------------------------------ IAM

    def seed(self) -> None:
        iam = self.client("iam")
        s3 = self.client("s3")
        arn = lambda name: f"arn:aws:iam::aws:policy/{name}"  # noqa: E731
        keys: dict[str, list[dict]] = {}

        def user(name: str, password: bool = False, path: str = "/", tags=None) -> None:
            iam.create_user(UserName=name, Path=path, Tags=tags or [])
            if password:
                # Console access. The password policy below is weak, the passwords are dummies.
                iam.create_login_profile(
                    UserName=name, Password="Demo-Only-Not-A-Secret-1", PasswordResetRequired=False
                )

        def key(name: str) -> dict:
            k = iam.create_access_key(UserName=name)["AccessKey"]
            keys.setdefault(name, []).append(k)
            return k

        def use(k: dict, region: str = HOME) -> None:
            # moto records "last used" for a key when a request is signed with it.
            self.client("sts", region=region, creds=k).get_caller_identity()

        # ---- 2023: the account is bootstrapped -------------------------------------------
        self.at(T_BOOTSTRAP)

        # CIS 1.7 (min length 14) and 1.8 (reuse prevention 24): both fail.
        iam.update_account_password_policy(
            MinimumPasswordLength=8,
            RequireSymbols=False,
            RequireNumbers=True,
            RequireUppercaseCharacters=True,
            RequireLowercaseCharacters=True,
            AllowUsersToChangePassword=True,
            PasswordReusePrevention=3,
        )

        # admins: AdministratorAccess (AWS managed) on a group.
        # CIS 1.15 (full "*:*" admin attached) and aws-iam-identity-admin-access.
        iam.create_group(GroupName="admins")
        iam.attach_group_policy(GroupName="admins", PolicyArn=arn("AdministratorAccess"))

        # alice.admin: console + virtual MFA -> passes CIS 1.9 (console users have MFA).
        user("alice.admin", password=True, tags=[{"Key": "team", "Value": "platform"}])
        iam.add_user_to_group(GroupName="admins", UserName="alice.admin")
        mfa = iam.create_virtual_mfa_device(VirtualMFADeviceName="alice.admin")
        iam.enable_mfa_device(
            UserName="alice.admin",
            SerialNumber=mfa["VirtualMFADevice"]["SerialNumber"],
            AuthenticationCode1="123456",
            AuthenticationCode2="654321",
        )

        # bob.ops: admin with a console password and no MFA -> CIS 1.9 fails.
        user("bob.ops", password=True, tags=[{"Key": "team", "Value": "plant-ops"}])
        iam.add_user_to_group(GroupName="admins", UserName="bob.ops")

        # legacy-etl: machine user, one key created 2023 and last used Feb 2024.
        # CIS 1.13 (rotate keys every 90 days) and CIS 1.11 (unused for 45+ days) fail;
        # an inline user policy -> CIS 1.14 (permissions only through groups) fails.
        user("legacy-etl", path="/integrations/")
        legacy_key = key("legacy-etl")
        iam.put_user_policy(
            UserName="legacy-etl",
            PolicyName="erp-export-read",
            PolicyDocument=doc(
                {
                    "Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:ListBucket"],
                    "Resource": [
                        "arn:aws:s3:::kestrel-telemetry-raw",
                        "arn:aws:s3:::kestrel-telemetry-raw/*",
                    ],
                }
            ),
        )

        # mes-integration: machine user whose key was never used (CIS 1.11 from its creation date,
        # CIS 1.13 too old). Its customer managed policy grants iam:CreatePolicyVersion on "*":
        # it can rewrite any policy into admin -> aws-iam-privilege-escalation.
        user("mes-integration", path="/integrations/")
        key("mes-integration")
        mes_policy = iam.create_policy(
            PolicyName="mes-integration-policy",
            Path="/integrations/",
            Description="MES connector: reads work orders, manages its own policy",
            PolicyDocument=doc(
                [
                    {
                        "Sid": "WorkOrders",
                        "Effect": "Allow",
                        "Action": ["s3:GetObject", "s3:PutObject"],
                        "Resource": "arn:aws:s3:::kestrel-telemetry-raw/work-orders/*",
                    },
                    {
                        "Sid": "SelfManagePolicies",
                        "Effect": "Allow",
                        "Action": ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"],
                        "Resource": "*",
                    },
                ]
            ),
        )["Policy"]
        iam.attach_user_policy(UserName="mes-integration", PolicyArn=mes_policy["Arn"])

        # ---- 2024: the legacy key is used one last time ---------------------------------
        self.at(T_LEGACY_USE)
        use(legacy_key)

        # ---- 2025: the team grows ---------------------------------------------------------
        self.at(T_TEAM)

        # developers: a scoped customer managed policy (S3 firmware bucket + Lambda in the
        # account) plus an inline group policy (CloudWatch Logs read). Passes CIS 1.15.
        # AWSCloudShellFullAccess is attached too -> CIS 1.21 fails.
        iam.create_group(GroupName="developers")
        dev_policy = iam.create_policy(
            PolicyName="developers-s3-lambda",
            Description="Firmware build artefacts and the telemetry Lambda functions",
            PolicyDocument=doc(
                [
                    {
                        "Sid": "FirmwareBuilds",
                        "Effect": "Allow",
                        "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
                        "Resource": [
                            "arn:aws:s3:::kestrel-firmware-builds",
                            "arn:aws:s3:::kestrel-firmware-builds/*",
                        ],
                    },
                    {
                        "Sid": "TelemetryFunctions",
                        "Effect": "Allow",
                        "Action": [
                            "lambda:GetFunction",
                            "lambda:UpdateFunctionCode",
                            "lambda:InvokeFunction",
                        ],
                        "Resource": f"arn:aws:lambda:{HOME}:{ACCOUNT}:function:telemetry-*",
                    },
                ]
            ),
        )["Policy"]
        iam.attach_group_policy(GroupName="developers", PolicyArn=dev_policy["Arn"])
        iam.attach_group_policy(GroupName="developers", PolicyArn=arn("AWSCloudShellFullAccess"))
        iam.put_group_policy(
            GroupName="developers",
            PolicyName="developers-logs-read",
            PolicyDocument=doc(
                {
                    "Effect": "Allow",
                    "Action": ["logs:DescribeLogGroups", "logs:GetLogEvents", "logs:FilterLogEvents"],
                    "Resource": "*",
                }
            ),
        )

        # carol.dev: console, no MFA -> CIS 1.9.
        user("carol.dev", password=True, tags=[{"Key": "team", "Value": "firmware"}])
        iam.add_user_to_group(GroupName="developers", UserName="carol.dev")

        # dave.dev: console, no MFA, and two active access keys -> CIS 1.12 (one active key) and
        # CIS 1.9. One key is used (below), the other never.
        user("dave.dev", password=True, tags=[{"Key": "team", "Value": "firmware"}])
        iam.add_user_to_group(GroupName="developers", UserName="dave.dev")
        dave_key_1 = key("dave.dev")

        # analysts: ReadOnlyAccess; erin.analyst has a console password and an access key created
        # at setup and never used -> CIS 1.10 (no keys at user setup), plus CIS 1.9 (no MFA).
        iam.create_group(GroupName="analysts")
        iam.attach_group_policy(GroupName="analysts", PolicyArn=arn("ReadOnlyAccess"))
        user("erin.analyst", password=True, tags=[{"Key": "team", "Value": "quality"}])
        iam.add_user_to_group(GroupName="analysts", UserName="erin.analyst")
        key("erin.analyst")

        # contractors: a group nobody is in (yet), SecurityAudit attached.
        iam.create_group(GroupName="contractors")
        iam.attach_group_policy(GroupName="contractors", PolicyArn=arn("SecurityAudit"))

        # ---- 2026: the data platform ---------------------------------------------------------
        self.at(T_PLATFORM)
        key("dave.dev")  # dave.dev's second active key, never used

        # frank.contractor: a former contractor; console password, key made inactive -> nothing
        # active but the password (CIS 1.9, no MFA).
        user("frank.contractor", password=True, tags=[{"Key": "company", "Value": "ot-vendor"}])
        frank_key = key("frank.contractor")
        iam.update_access_key(
            UserName="frank.contractor", AccessKeyId=frank_key["AccessKeyId"], Status="Inactive"
        )

        # plc-gateway: machine user with an inline policy that allows iam:PassRole +
        # lambda:CreateFunction + lambda:InvokeFunction on "*": it can run code as any role that
        # Lambda may assume -> aws-iam-privilege-escalation; inline user policy -> CIS 1.14.
        user("plc-gateway", path="/integrations/")
        plc_key = key("plc-gateway")
        iam.put_user_policy(
            UserName="plc-gateway",
            PolicyName="edge-deploy",
            PolicyDocument=doc(
                [
                    {
                        "Sid": "DeployEdgeFunctions",
                        "Effect": "Allow",
                        "Action": [
                            "iam:PassRole",
                            "lambda:CreateFunction",
                            "lambda:InvokeFunction",
                        ],
                        "Resource": "*",
                    },
                    {
                        "Sid": "Telemetry",
                        "Effect": "Allow",
                        "Action": "s3:PutObject",
                        "Resource": "arn:aws:s3:::kestrel-telemetry-raw/plc/*",
                    },
                ]
            ),
        )

        # factory-admin-role: AdministratorAccess, trust {"AWS": "*"} without conditions: anyone
        # in any AWS account can assume it -> aws-iam-role-trust-public (+ admin access).
        iam.create_role(
            RoleName="factory-admin-role",
            Description="Break-glass admin role for the plant floor (trust is wide open)",
            AssumeRolePolicyDocument=doc(
                {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}
            ),
        )
        iam.attach_role_policy(RoleName="factory-admin-role", PolicyArn=arn("AdministratorAccess"))

        # telemetry-ingest-lambda: service trust lambda.amazonaws.com (fine), basic execution
        # plus an inline policy to write the telemetry bucket. Nothing should fire.
        iam.create_role(
            RoleName="telemetry-ingest-lambda",
            Path="/service-role/",
            AssumeRolePolicyDocument=doc(
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ),
        )
        iam.attach_role_policy(
            RoleName="telemetry-ingest-lambda",
            PolicyArn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        )
        iam.put_role_policy(
            RoleName="telemetry-ingest-lambda",
            PolicyName="write-telemetry",
            PolicyDocument=doc(
                {
                    "Effect": "Allow",
                    "Action": "s3:PutObject",
                    "Resource": "arn:aws:s3:::kestrel-telemetry-raw/*",
                }
            ),
        )

        # vendor-maintenance: cross-account trust to the OT vendor with sts:ExternalId (the right
        # way: not public). Its customer managed policy has two versions; v1 was scoped, the
        # default v2 grants "*" on "*" -> CIS 1.15 (full admin attached).
        iam.create_role(
            RoleName="vendor-maintenance",
            Description="Remote maintenance by the OT vendor",
            AssumeRolePolicyDocument=doc(
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{PARTNER_ACCOUNT}:root"},
                    "Action": "sts:AssumeRole",
                    "Condition": {"StringEquals": {"sts:ExternalId": "kestrel-ot-7f3a9c"}},
                }
            ),
        )
        ot_policy = iam.create_policy(
            PolicyName="ot-maintenance",
            Description="What the OT vendor may do during maintenance windows",
            PolicyDocument=doc(
                {
                    "Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:ListBucket"],
                    "Resource": [
                        "arn:aws:s3:::kestrel-firmware-builds",
                        "arn:aws:s3:::kestrel-firmware-builds/*",
                    ],
                }
            ),
        )["Policy"]
        iam.create_policy_version(
            PolicyArn=ot_policy["Arn"],
            PolicyDocument=doc({"Effect": "Allow", "Action": "*", "Resource": "*"}),
            SetAsDefault=True,
        )
        iam.attach_role_policy(RoleName="vendor-maintenance", PolicyArn=ot_policy["Arn"])

        # support-desk: AWSSupportAccess on a role the account can assume -> CIS 1.16 passes.
        iam.create_role(
            RoleName="support-desk",
            AssumeRolePolicyDocument=doc(
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                    "Action": "sts:AssumeRole",
                }
            ),
        )
        iam.attach_role_policy(RoleName="support-desk", PolicyArn=arn("AWSSupportAccess"))

        # An uploaded server certificate. moto reports every server certificate as expired
        # (2012-05-08) -> CIS 1.18 (remove expired certificates). The body is a placeholder.
        iam.upload_server_certificate(
            ServerCertificateName="hmi-legacy-portal",
            CertificateBody="-----BEGIN CERTIFICATE-----\nZGVtby1vbmx5\n-----END CERTIFICATE-----",
            PrivateKey="-----BEGIN PRIVATE KEY-----\nZGVtby1vbmx5\n-----END PRIVATE KEY-----",
        )

        # ------------------------------------------------------------- KMS
        kms = self.client("kms")
        # Customer managed symmetric key, rotation off -> CIS 3.6 fails.
        telemetry_key = kms.create_key(
            Description="telemetry-raw bucket encryption",
            KeyUsage="ENCRYPT_DECRYPT",
            KeySpec="SYMMETRIC_DEFAULT",
            Tags=[{"TagKey": "app", "TagValue": "telemetry"}],
        )["KeyMetadata"]
        kms.create_alias(AliasName="alias/telemetry", TargetKeyId=telemetry_key["KeyId"])
        # Asymmetric signing key: rotation does not apply (the export must not ask for it).
        kms.create_key(
            Description="firmware image signing",
            KeyUsage="SIGN_VERIFY",
            KeySpec="RSA_2048",
        )
        # eu-west-1: a customer key with rotation on -> CIS 3.6 passes there.
        kms_eu = self.client("kms", region=OTHER)
        eu_key = kms_eu.create_key(Description="quality-reports", KeySpec="SYMMETRIC_DEFAULT")[
            "KeyMetadata"
        ]
        kms_eu.enable_key_rotation(KeyId=eu_key["KeyId"])

        # -------------------------------------------------------------- S3
        def bucket(name: str, region: str = HOME) -> None:
            c = self.client("s3", region=region)
            if region == "us-east-1":
                c.create_bucket(Bucket=name)
            else:
                c.create_bucket(
                    Bucket=name, CreateBucketConfiguration={"LocationConstraint": region}
                )

        def tls_only(name: str) -> dict:
            return {
                "Sid": "DenyInsecureTransport",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": [f"arn:aws:s3:::{name}", f"arn:aws:s3:::{name}/*"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }

        # Access-log bucket (the target of server access logging). No default encryption set
        # (moto has no SSE-S3 default) -> default-encryption finding; no PAB, no TLS policy.
        bucket("kestrel-access-logs")
        s3.put_bucket_acl(Bucket="kestrel-access-logs", ACL="log-delivery-write")

        # Public website assets: public through a bucket policy (Principal "*", s3:GetObject)
        # -> aws-s3-bucket-public, no bucket PAB, no TLS-only policy, no encryption.
        bucket("kestrel-public-assets")
        s3.put_bucket_policy(
            Bucket="kestrel-public-assets",
            Policy=doc(
                {
                    "Sid": "PublicRead",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::kestrel-public-assets/*",
                }
            ),
        )

        # Press kit: public through the canned ACL public-read -> aws-s3-bucket-public.
        bucket("kestrel-press-kit")
        s3.put_bucket_acl(Bucket="kestrel-press-kit", ACL="public-read")
        s3.put_bucket_encryption(
            Bucket="kestrel-press-kit",
            ServerSideEncryptionConfiguration={
                "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
            },
        )

        # Telemetry: the well-configured one. SSE-KMS with the customer key, all four
        # public-access-block settings on, TLS-only policy, versioning, access logging.
        bucket("kestrel-telemetry-raw")
        s3.put_bucket_encryption(
            Bucket="kestrel-telemetry-raw",
            ServerSideEncryptionConfiguration={
                "Rules": [
                    {
                        "ApplyServerSideEncryptionByDefault": {
                            "SSEAlgorithm": "aws:kms",
                            "KMSMasterKeyID": telemetry_key["Arn"],
                        },
                        "BucketKeyEnabled": True,
                    }
                ]
            },
        )
        s3.put_public_access_block(
            Bucket="kestrel-telemetry-raw",
            PublicAccessBlockConfiguration={
                "BlockPublicAcls": True,
                "IgnorePublicAcls": True,
                "BlockPublicPolicy": True,
                "RestrictPublicBuckets": True,
            },
        )
        s3.put_bucket_policy(Bucket="kestrel-telemetry-raw", Policy=doc(tls_only("kestrel-telemetry-raw")))
        s3.put_bucket_versioning(
            Bucket="kestrel-telemetry-raw", VersioningConfiguration={"Status": "Enabled"}
        )
        s3.put_bucket_logging(
            Bucket="kestrel-telemetry-raw",
            BucketLoggingStatus={
                "LoggingEnabled": {
                    "TargetBucket": "kestrel-access-logs",
                    "TargetPrefix": "kestrel-telemetry-raw/",
                }
            },
        )

        # Firmware builds: SSE-S3 (not KMS -> aws-s3-bucket-sse-kms), versioning on without MFA
        # delete (-> aws-s3-bucket-mfa-delete), server access logging to kestrel-access-logs.
        bucket("kestrel-firmware-builds")
        s3.put_bucket_encryption(
            Bucket="kestrel-firmware-builds",
            ServerSideEncryptionConfiguration={
                "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
            },
        )
        s3.put_bucket_versioning(
            Bucket="kestrel-firmware-builds", VersioningConfiguration={"Status": "Enabled"}
        )
        s3.put_bucket_logging(
            Bucket="kestrel-firmware-builds",
            BucketLoggingStatus={
                "LoggingEnabled": {
                    "TargetBucket": "kestrel-access-logs",
                    "TargetPrefix": "kestrel-firmware-builds/",
                }
            },
        )

        # CloudTrail bucket: not public, SSE-S3, but no server access logging
        # -> aws-cloudtrail-bucket-access-logging (CIS 3.4).
        bucket("kestrel-cloudtrail-logs")
        s3.put_bucket_encryption(
            Bucket="kestrel-cloudtrail-logs",
            ServerSideEncryptionConfiguration={
                "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
            },
        )
        s3.put_bucket_policy(
            Bucket="kestrel-cloudtrail-logs",
            Policy=doc(
                [
                    {
                        "Sid": "AWSCloudTrailAclCheck",
                        "Effect": "Allow",
                        "Principal": {"Service": "cloudtrail.amazonaws.com"},
                        "Action": "s3:GetBucketAcl",
                        "Resource": "arn:aws:s3:::kestrel-cloudtrail-logs",
                    },
                    {
                        "Sid": "AWSCloudTrailWrite",
                        "Effect": "Allow",
                        "Principal": {"Service": ["cloudtrail.amazonaws.com", "config.amazonaws.com"]},
                        "Action": "s3:PutObject",
                        "Resource": f"arn:aws:s3:::kestrel-cloudtrail-logs/AWSLogs/{ACCOUNT}/*",
                        "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
                    },
                    tls_only("kestrel-cloudtrail-logs"),
                ]
            ),
        )

        # eu-west-1 quality reports: TLS-only policy (CIS 2.1.1 passes), SSE-KMS with the EU
        # key, versioning never enabled -> aws-s3-bucket-versioning.
        bucket("kestrel-quality-reports-eu", region=OTHER)
        s3_eu = self.client("s3", region=OTHER)
        s3_eu.put_bucket_policy(
            Bucket="kestrel-quality-reports-eu", Policy=doc(tls_only("kestrel-quality-reports-eu"))
        )
        s3_eu.put_bucket_encryption(
            Bucket="kestrel-quality-reports-eu",
            ServerSideEncryptionConfiguration={
                "Rules": [
                    {
                        "ApplyServerSideEncryptionByDefault": {
                            "SSEAlgorithm": "aws:kms",
                            "KMSMasterKeyID": eu_key["Arn"],
                        }
                    }
                ]
            },
        )
        # No account-level S3 public access block is set -> CIS 2.1.4 / aws-s3-account-public-access-block.

        # ------------------------------------------------------- CloudTrail
        # One trail in us-east-1: single-region (CIS 3.1 fails), no log file validation
        # (CIS 3.2), not KMS-encrypted (CIS 3.5), no CloudWatch Logs, default event selectors
        # (management events only: CIS 3.8/3.9 S3 data events fail). Logging is on.
        ct = self.client("cloudtrail")
        ct.create_trail(
            Name="kestrel-audit",
            S3BucketName="kestrel-cloudtrail-logs",
            IsMultiRegionTrail=False,
            EnableLogFileValidation=False,
            IncludeGlobalServiceEvents=True,
        )
        ct.start_logging(Name="kestrel-audit")

        # ----------------------------------------------------------- Config
        # A recorder in us-east-1 only (recording everything, delivering to the trail bucket);
        # eu-west-1 has none -> CIS 3.3 (Config in all regions) fails.
        cfg = self.client("config")
        cfg.put_configuration_recorder(
            ConfigurationRecorder={
                "name": "default",
                "roleARN": f"arn:aws:iam::{ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
                "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True},
            }
        )
        cfg.put_delivery_channel(
            DeliveryChannel={"name": "default", "s3BucketName": "kestrel-cloudtrail-logs"}
        )
        cfg.start_configuration_recorder(ConfigurationRecorderName="default")

        # IAM Access Analyzer: none anywhere -> CIS 1.19 (moto has no Access Analyzer, so the
        # export records an error answer and posture reports it as not assessed).

        # ---- recent activity ---------------------------------------------------------------
        self.at(T_RECENT)
        use(dave_key_1)
        use(plc_key, region=OTHER)

        # Leave the clock where the export will run.
        self.at(T_COLLECT)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--endpoint-url", required=True, help="moto server URL, e.g. http://127.0.0.1:5000")
    ap.add_argument(
        "--clock-file",
        help="file the moto server reads its (frozen) clock from; the seed writes each phase's date",
    )
    args = ap.parse_args()
    Seeder(args.endpoint_url, args.clock_file).seed()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Seed one account of a running moto_server for the live-scan tests (boto3 only).

    seed-live-account.py --endpoint-url http://127.0.0.1:PORT --account 210000000001

"Tern Robotics", a small robot-cell integrator, seeded into its own moto account: the seed
assumes a role in that account (moto keeps each account's IAM, S3, ... apart and maps
assumed-role credentials to the role's account), so several tests can share one server.
Every resource says which posture policy it should trip or pass; LiveScanTests.swift holds the
expected findings and asserts the scan finds exactly those.

Prints, as one JSON line on stdout, the temporary credentials of that account (moto's throwaway
values) and the names it created, for the test to scan with.
"""

from __future__ import annotations

import argparse
import json
import sys

import boto3
from botocore.config import Config

HOME = "us-east-1"
OTHER = "eu-west-1"


def doc(statements: list[dict] | dict) -> str:
    if isinstance(statements, dict):
        statements = [statements]
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--account", required=True, help="12-digit moto account to seed")
    args = parser.parse_args()
    account = args.account
    cfg = Config(retries={"max_attempts": 3, "mode": "standard"})
    sts = boto3.client("sts", endpoint_url=args.endpoint_url, region_name=HOME, config=cfg,
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/posture-test-seed",
                            RoleSessionName="posture-live-seed")["Credentials"]
    session = boto3.session.Session(aws_access_key_id=creds["AccessKeyId"],
                                    aws_secret_access_key=creds["SecretAccessKey"],
                                    aws_session_token=creds["SessionToken"], region_name=HOME)

    def client(service: str, region: str = HOME):
        return session.client(service, endpoint_url=args.endpoint_url, region_name=region, config=cfg)

    iam = client("iam")
    # Password policy too weak: aws-iam-password-policy-minimum-length, -reuse-prevention.
    iam.update_account_password_policy(MinimumPasswordLength=8, RequireSymbols=False)

    # ana: console without MFA (aws-iam-user-console-mfa), a policy attached directly
    # (aws-iam-user-direct-policies), one access key.
    iam.create_user(UserName="ana")
    iam.create_login_profile(UserName="ana", Password="Throwaway-Passw0rd!")
    iam.attach_user_policy(UserName="ana", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    iam.create_access_key(UserName="ana")

    # ben: console with a virtual MFA device: passes the console-MFA policy.
    iam.create_user(UserName="ben")
    iam.create_login_profile(UserName="ben", Password="Throwaway-Passw0rd!")
    mfa = iam.create_virtual_mfa_device(VirtualMFADeviceName="ben")["VirtualMFADevice"]
    iam.enable_mfa_device(UserName="ben", SerialNumber=mfa["SerialNumber"],
                          AuthenticationCode1="123456", AuthenticationCode2="654321")

    # cell-admins: a group with AdministratorAccess; cara is in it (aws-iam-identity-admin-access
    # through the group, aws-iam-policy-full-admin-attached on the group).
    iam.create_group(GroupName="cell-admins")
    iam.attach_group_policy(GroupName="cell-admins", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    iam.create_user(UserName="cara")
    iam.add_user_to_group(GroupName="cell-admins", UserName="cara")

    # plc-gateway: a machine user with two active keys (aws-iam-user-multiple-active-access-keys)
    # and an inline policy that may pass roles to new instances (aws-iam-privilege-escalation,
    # aws-iam-user-direct-policies).
    iam.create_user(UserName="plc-gateway")
    iam.create_access_key(UserName="plc-gateway")
    iam.create_access_key(UserName="plc-gateway")
    iam.put_user_policy(UserName="plc-gateway", PolicyName="launch-cells", PolicyDocument=doc(
        {"Effect": "Allow", "Action": ["iam:PassRole", "ec2:RunInstances"], "Resource": "*"}))

    # Roles: one anyone may assume (aws-iam-role-trust-public), one for EC2 (clean).
    iam.create_role(RoleName="vendor-open", AssumeRolePolicyDocument=doc(
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}))
    iam.create_role(RoleName="cell-controller", AssumeRolePolicyDocument=doc(
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}))
    iam.put_role_policy(RoleName="cell-controller", PolicyName="read-recipes", PolicyDocument=doc(
        {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": f"arn:aws:s3:::tern-recipes-{account}/*"}))

    s3 = client("s3")
    # tern-recipes: encrypted (SSE-S3), versioned, blocked, logged: passes every bucket policy
    # but SSE-KMS, MFA delete and secure transport.
    recipes, logs = f"tern-recipes-{account}", f"tern-logs-{account}"
    s3.create_bucket(Bucket=logs)
    s3.put_bucket_acl(Bucket=logs, GrantWrite="uri=http://acs.amazonaws.com/groups/s3/LogDelivery",
                      GrantReadACP="uri=http://acs.amazonaws.com/groups/s3/LogDelivery")
    s3.create_bucket(Bucket=recipes)
    s3.put_bucket_encryption(Bucket=recipes, ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
    s3.put_bucket_versioning(Bucket=recipes, VersioningConfiguration={"Status": "Enabled"})
    s3.put_public_access_block(Bucket=recipes, PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_logging(Bucket=recipes, BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": logs, "TargetPrefix": "recipes/"}})

    # tern-public: readable by anyone through its bucket policy (aws-s3-bucket-public).
    public = f"tern-public-{account}"
    s3.create_bucket(Bucket=public)
    s3.put_bucket_policy(Bucket=public, Policy=doc(
        {"Sid": "Anyone", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{public}/*"}))

    # tern-eu: in eu-west-1, public through a public-read ACL (aws-s3-bucket-public).
    eu = f"tern-eu-{account}"
    client("s3", OTHER).create_bucket(Bucket=eu, CreateBucketConfiguration={"LocationConstraint": OTHER})
    client("s3", OTHER).put_bucket_acl(Bucket=eu, ACL="public-read")

    # One single-region trail without log file validation or KMS, logging to tern-logs.
    s3.put_bucket_policy(Bucket=logs, Policy=doc([
        {"Sid": "TrailAcl", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Action": "s3:GetBucketAcl", "Resource": f"arn:aws:s3:::{logs}"},
        {"Sid": "TrailWrite", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Action": "s3:PutObject", "Resource": f"arn:aws:s3:::{logs}/AWSLogs/{account}/*"}]))
    trail = client("cloudtrail")
    trail.create_trail(Name="tern-audit", S3BucketName=logs)
    trail.start_logging(Name="tern-audit")

    # AWS Config in us-east-1 only (aws-config-recorder-all-regions fails for eu-west-1).
    config = client("config")
    config.put_configuration_recorder(ConfigurationRecorder={
        "name": "default", "roleARN": f"arn:aws:iam::{account}:role/config",
        "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
    config.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": logs})
    config.start_configuration_recorder(ConfigurationRecorderName="default")

    # KMS: one key without rotation (aws-kms-key-rotation), one with.
    kms = client("kms")
    stale = kms.create_key(Description="cell firmware signing")["KeyMetadata"]["KeyId"]
    rotated = kms.create_key(Description="recipe encryption")["KeyMetadata"]["KeyId"]
    kms.enable_key_rotation(KeyId=rotated)

    print(json.dumps({
        "AccessKeyId": creds["AccessKeyId"], "SecretAccessKey": creds["SecretAccessKey"],
        "SessionToken": creds["SessionToken"], "account": account,
        "buckets": [logs, recipes, public, eu], "keys": {"stale": stale, "rotated": rotated},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
